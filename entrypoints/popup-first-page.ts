/** Loaded by popup.html's <head> ahead of the React bundle: see utils/ui/first-page.ts. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { requestFirstPage } from '@/utils/ui/first-page';

export default defineUnlistedScript(() => requestFirstPage());
