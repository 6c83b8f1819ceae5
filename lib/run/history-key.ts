export const HISTORY_KEY = "playground.history.v1";
