/** True only in the E2E build (`npm run build:e2e`), which exposes test hooks; see wxt.config.ts. */
declare const __CAIRN_E2E__: boolean;
