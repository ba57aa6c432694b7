/** English wording of the dashboard's classes namespace (the source every translation mirrors). */
export const classes = {};
