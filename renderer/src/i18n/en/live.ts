/** English wording of the dashboard's live namespace (the source every translation mirrors). */
export const live = {};
