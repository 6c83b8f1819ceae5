/**
 * How many targets sit side by side, on screen and in a share link or file (an evaluation's
 * targets are compare columns too), and how many times Send may run each. Apart from ./state so
 * that link schemas read them without loading the reducers.
 */
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 6;
export const MAX_REPEATS = 10;
