/** English wording of the dashboard's activities namespace (the source every translation mirrors). */
export const activities = {};
