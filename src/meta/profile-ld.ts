import type { Author } from '../schema/article'

/**
 * schema.org ProfilePage whose mainEntity is the Person, as Google's profile-page structured data
 * asks: the person's name, and what else is known (description, image, sameAs, jobTitle).
 */
export function profilePage(
  author: Author,
  page: { url: string; lang: string; bio?: string },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: page.url,
    inLanguage: page.lang,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      ...(author.url && { url: author.url }),
      ...(author.jobTitle && { jobTitle: author.jobTitle }),
      ...(page.bio && { description: page.bio }),
      ...(author.image && { image: author.image }),
      ...(author.sameAs?.length && { sameAs: author.sameAs }),
    },
  }
}
