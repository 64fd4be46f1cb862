import previewSource from './preview.css'
import pageSource from './styles.css'

/**
 * The stylesheets live in `.css` files (formatted, commented) and are bundled as text (wrangler.toml's
 * Text rule); pages inline them, so they are made compact once here: comments dropped, whitespace
 * squeezed. The CSP hashes these exact strings (headers.ts).
 */
export function compactCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};>])\s*/g, '$1')
    .replace(/([,:])\s+/g, '$1')
    .replace(/;}/g, '}')
    .trim()
}

/** The page's whole stylesheet (see styles.css for what it does and why). */
export const styles = compactCss(pageSource)

/** The link-preview inspector's part, only on the inspector's page (see preview.css). */
export const previewStyles = compactCss(previewSource)
