// Exit codes shared by every `linkage` command.
export const EXIT_INVALID_INPUT = 2;
export const EXIT_FAILURE = 1;
