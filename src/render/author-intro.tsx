import { fill, messages } from '../i18n'
import type { Author } from '../schema/article'
import { Media } from './media'

/** An author page's head: photo, name, title, bio and links, then the heading over their articles. */
export function AuthorIntro({
  author,
  bio,
  email,
  lang,
}: {
  /** The profile as the page's language shows it (authors/resolve.ts). */
  author: Author
  bio?: string
  email?: string
  lang: string
}) {
  const t = messages(lang)
  return (
    <>
      <header class="author-profile">
        {author.image && (
          <div class="author-photo">
            <Media image={{ url: author.image, alt: author.name }} fixed="1/1" eager />
          </div>
        )}
        <div>
          <h1 class="listing-title">{author.name}</h1>
          {author.jobTitle && <p class="author-title">{author.jobTitle}</p>}
          {bio && <p class="author-bio">{bio}</p>}
          {(email || author.sameAs?.length) && (
            <p class="author-links">
              {email && <a href={`mailto:${email}`}>{t.authorEmail}</a>}
              {author.sameAs?.map((url) => (
                <a href={url} rel="me noopener">
                  {new URL(url).hostname.replace(/^www\./, '')}
                </a>
              ))}
            </p>
          )}
        </div>
      </header>
      <h2 class="author-articles">{fill(t.authorArticles, { name: author.name })}</h2>
    </>
  )
}
