/** The stored-session format; apart from ./schema so pages can use it without loading zod. */
export const SESSION_VERSION = 2;
