/*
 * Reader settings: 字号 (font size) and 高对比度 (high contrast), remembered in
 * localStorage, plus the 打印 button.
 *
 * Loaded as a classic script in <head> (not deferred) so that a saved setting
 * applies before the first paint: no flash of the default size. It is a file,
 * not inline code, so a Content-Security-Policy of `script-src 'self'` allows it.
 * Plain ES5 on purpose: it runs as written, untranspiled, in old browsers too.
 */
(function () {
  var root = document.documentElement;
  var SIZE_KEY = 'lectern:font-size';
  var CONTRAST_KEY = 'lectern:contrast';
  var SIZES = ['small', 'medium', 'large'];

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage disabled: settings last for this page only
    }
  }
  function write(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      /* storage disabled or full: the setting still applies to this page */
    }
  }

  function applySize(size) {
    if (SIZES.indexOf(size) === -1) size = 'medium';
    root.setAttribute('data-font-size', size);
    var buttons = document.querySelectorAll('[data-font-size-option]');
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute('data-font-size-option') === size;
      buttons[i].setAttribute('aria-pressed', pressed ? 'true' : 'false');
    }
  }
  function applyContrast(high) {
    if (high) root.setAttribute('data-contrast', 'high');
    else root.removeAttribute('data-contrast');
    var toggles = document.querySelectorAll('[data-contrast-toggle]');
    for (var i = 0; i < toggles.length; i++) toggles[i].setAttribute('aria-pressed', high ? 'true' : 'false');
  }

  applySize(read(SIZE_KEY));
  applyContrast(read(CONTRAST_KEY) === 'high');

  function wire() {
    applySize(root.getAttribute('data-font-size'));
    applyContrast(root.getAttribute('data-contrast') === 'high');
    document.addEventListener('click', function (event) {
      var target = event.target;
      var button = target && target.closest ? target.closest('button') : null;
      if (!button) return;
      var size = button.getAttribute('data-font-size-option');
      if (size) {
        applySize(size);
        write(SIZE_KEY, size);
      } else if (button.hasAttribute('data-contrast-toggle')) {
        var high = root.getAttribute('data-contrast') !== 'high';
        applyContrast(high);
        write(CONTRAST_KEY, high ? 'high' : 'normal');
      } else if (button.hasAttribute('data-print')) {
        window.print();
      }
    });
    // The printed address: the build may not know the site's origin, the browser does.
    var urls = document.querySelectorAll('[data-page-url]');
    for (var i = 0; i < urls.length; i++) urls[i].textContent = window.location.href.split('#')[0];
    // The controls only work with this script, so they are shown only with it.
    var controls = document.querySelectorAll('[data-reader-controls]');
    for (var j = 0; j < controls.length; j++) controls[j].removeAttribute('hidden');
  }

  // Another tab changed a setting: follow it.
  window.addEventListener('storage', function (event) {
    if (event.key === SIZE_KEY) applySize(event.newValue);
    if (event.key === CONTRAST_KEY) applyContrast(event.newValue === 'high');
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
