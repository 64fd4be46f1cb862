import type { PreviewIssue } from '../meta/checks'
import { fill, messages } from '.'

/** A check's sentence in a language: `The title is 85 characters; X shows at most 70.` */
export const checkText = (issue: PreviewIssue, lang: string): string =>
  fill(messages(lang).preview.checks[issue.code], issue.values)
