/** Vite's `?worker&url` import: the URL of the worker script Vite builds (the type vite/client declares). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
