/** The options the csp integration gives its middleware (src/integrations/csp.ts). */
declare module 'virtual:lectern/csp-options' {
  const options: import('../lib/csp.ts').CspOptions;
  export default options;
}
