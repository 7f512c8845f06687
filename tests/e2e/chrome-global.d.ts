// Code passed to worker.evaluate() runs in the extension's service worker, where `chrome` is the
// extension API; @types/chrome is not installed, so borrow the types WXT generates from it.
declare const chrome: typeof import('wxt/browser').browser;
