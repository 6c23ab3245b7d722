// webpack loads .css as a string (asset/source); the page injects it.
declare module '*.css' {
  const text: string;
  export default text;
}
