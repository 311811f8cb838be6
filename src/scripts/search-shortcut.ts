/**
 * `/` moves the focus to the search box (the search page's own box when there
 * is one, else the header's), as on many sites; typing `/` in a field still types it.
 */
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box =
    document.querySelector<HTMLInputElement>('[data-lectern-search-input]') ??
    document.querySelector<HTMLInputElement>('[data-lectern-site-search]');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
