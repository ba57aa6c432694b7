/** English wording of the dashboard's results namespace (the source every translation mirrors). */
export const results = {};
