/** English wording of the dashboard's settings namespace (the source every translation mirrors). */
export const settings = {};
