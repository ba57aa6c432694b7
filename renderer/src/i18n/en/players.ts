/** English wording of the dashboard's players namespace (the source every translation mirrors). */
export const players = {};
