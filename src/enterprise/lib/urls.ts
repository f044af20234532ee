/** Enterprise page links with their parameters. */

/** The complain page, optionally about one inspection. */
export const complainUrl = (inspectionId?: string) => (inspectionId ? `/enterprise/complain/index?inspectionId=${encodeURIComponent(inspectionId)}` : '/enterprise/complain/index')
