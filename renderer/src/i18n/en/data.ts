/** English wording of the dashboard's data namespace (the source every translation mirrors). */
export const data = {};
