export { decodeShare, type DecodeResult, encodeShare, SHARE_PARAM, SHARE_VERSION, shareUrl } from "./codec";
export { type LeftOutImage, leftOutImagesNote, SHARE_IMAGE_MAX_CHARS, withoutLargeImages } from "./images";
export { redactPayload } from "./redact";
export {
  type CompareColumn,
  compareColumnSchema,
  type SharePayload,
  sessionForColumn,
  sharePayloadSchema,
} from "./schema";
export { describePayload } from "./summary";
export { SHARE_LINK_SOFT_LIMIT, shareLinkWarning } from "./warning";
