/**
 * Stands in for strip-bom 5 (an ES module that @microsoft/app-manifest requires): Node.js loads it,
 * jest's CommonJS runtime cannot. jest.config.js maps the module here; it does the same thing.
 */
export default function stripBom(text: string): string {
  return text.replace(/^\uFEFF/, '');
}
