declare const __VERSION__: string | undefined;
/** Injected from package.json by the build, so --version reads no file. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
