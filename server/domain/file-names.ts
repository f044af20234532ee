/** A name made safe for a stored file's path (letters, digits, Chinese characters, `_` and `-`; anything else becomes `_`). */
export const safeFileName = (name: string): string => name.replace(/[^A-Za-z0-9\u4e00-\u9fff_-]+/g, '_').replace(/^_+|_+$/g, '')
