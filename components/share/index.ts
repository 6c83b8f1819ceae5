export { CodeButton } from "./CodeButton";
export { ExportButton } from "./ExportButton";
export { ImportButton, type ImportSuccess } from "./ImportButton";
export { PasteImportOffer } from "./PasteImportOffer";
export { detectPastedRequest } from "../../lib/import/paste";
export { ShareButton } from "./ShareButton";
export { ShareLinkPrompt } from "./ShareLinkPrompt";
export { type ShareLinkOnLoad, type ShareLinkState, useShareLinkOnLoad } from "./useShareLinkOnLoad";
export { useOrigin } from "./useOrigin";
