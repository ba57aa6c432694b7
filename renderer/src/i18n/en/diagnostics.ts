/** English wording of the dashboard's diagnostics namespace (the source every translation mirrors). */
export const diagnostics = {};
