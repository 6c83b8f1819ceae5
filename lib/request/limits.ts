/**
 * The largest request body the proxy forwards and the local provider reads. It follows from the
 * composer's image limit: a 20 MB image is a data: URL of about 27 MB once base64-encoded.
 */
export const MAX_REQUEST_BODY_BYTES = 32 * 1024 * 1024;
