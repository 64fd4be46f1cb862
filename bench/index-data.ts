/**
 * Generated Korean news articles for the index benchmark (bench/index.ts): headlines, a description
 * and a few hundred characters of body, ~20 categories and ~2,000 tags, deterministic from a seed.
 * Words are drawn with a skew (a few very common, most rare) from ~300 news words and 3,000 made-up
 * ones (a news archive's vocabulary is large), so searches meet both a very common term (`정부`,
 * in most articles) and story words: a few percent of articles are about a `협정` or `푸틴` story,
 * and about one in a hundred is datelined `도쿄(東京)`, the Han spelling Korean papers add, so a
 * Japanese query has something to find.
 */
import type { IndexRow } from '../src/listing/entry'
import { searchText } from '../src/listing/search-text'

/** mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const CATEGORIES = [
  '정치',
  '경제',
  '사회',
  '국제',
  '문화',
  '스포츠',
  '과학',
  'IT',
  '산업',
  '금융',
  '부동산',
  '건강',
  '교육',
  '환경',
  '여행',
  '오피니언',
  '연예',
  '북한',
  '지역',
  '날씨',
]

const PEOPLE = [
  '대통령',
  '정부',
  '총리',
  '장관',
  '여당',
  '야당',
  '국회',
  '검찰',
  '법원',
  '한국은행',
  '바이든',
  '트럼프',
  '시진핑',
  '마크롱',
  '젤렌스키',
  '기시다',
  '유엔',
  '나토',
  '삼성전자',
  '현대차',
  'SK하이닉스',
  '카카오',
  '네이버',
  '노조',
  '시민단체',
  '전문가들',
  '교육부',
  '국방부',
  '외교부',
  '기획재정부',
  '금융위원회',
  '서울시',
  '경찰',
  '소방당국',
  '기상청',
]
const NOUNS = [
  '정부',
  '경제',
  '대통령',
  '시장',
  '정책',
  '국회',
  '금리',
  '물가',
  '수출',
  '반도체',
  '무역',
  '관세',
  '예산',
  '선거',
  '법안',
  '개혁',
  '투자',
  '환율',
  '주가',
  '부동산',
  '전쟁',
  '휴전',
  '제재',
  '외교',
  '안보',
  '정상회담',
  '기후',
  '에너지',
  '원전',
  '전기차',
  '배터리',
  '인공지능',
  '교육',
  '의료',
  '저출생',
  '고용',
  '일자리',
  '임금',
  '연금',
  '세금',
  '태풍',
  '지진',
  '폭염',
  '올림픽',
  '월드컵',
  '야구',
  '축구',
  '영화',
  '공연',
  '전시',
  '축제',
  '관광',
  '항공',
  '철도',
  '도로',
  '주택',
  '청년',
  '노인',
  '복지',
  '치안',
  '재판',
  '수사',
  '조사',
  '보고서',
  '협상',
  '합의',
  '회담',
  '동맹',
  '미사일',
  '핵',
  '가스',
  '석유',
  '식량',
  '농업',
  '어업',
  '해운',
  '조선',
  '철강',
  '화학',
  '바이오',
  '백신',
  '감염병',
  '병원',
  '대학',
  '입시',
  '학교',
  '문화재',
  '박물관',
  '음악',
  '드라마',
  '게임',
  '플랫폼',
  '스타트업',
  '규제',
  '특허',
  '보안',
  '해킹',
  '우주',
  '위성',
]
const PLACES = [
  '서울',
  '부산',
  '인천',
  '대구',
  '광주',
  '대전',
  '세종',
  '제주',
  '워싱턴',
  '베이징',
  '모스크바',
  '브뤼셀',
  '키이우',
  '파리',
  '런던',
  '베를린',
  '제네바',
  '뉴욕',
  '도쿄',
  '오사카(大阪)',
  '평양',
  '상하이',
  '홍콩',
  '싱가포르',
  '하노이',
  '자카르타',
  '뉴델리',
  '두바이',
  '카이로',
  '시드니',
]
const VERBS = [
  '발표했다',
  '밝혔다',
  '합의했다',
  '서명했다',
  '논의했다',
  '촉구했다',
  '경고했다',
  '비판했다',
  '지적했다',
  '강조했다',
  '추진한다',
  '검토하고 있다',
  '확정했다',
  '연기했다',
  '철회했다',
  '승인했다',
  '거부했다',
  '요구했다',
  '전망했다',
  '분석했다',
  '상승했다',
  '하락했다',
  '급등했다',
  '급락했다',
  '개최했다',
  '시작했다',
  '마무리했다',
  '공개했다',
]
const ADVERBS = ['처음으로', '다시', '이례적으로', '전격', '공식적으로', '잇따라', '사실상', '끝내']
const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
]
const GIVEN = ['민준', '서연', '지훈', '하은', '도윤', '수아', '예준', '지우', '현우', '서윤']
const TAG_EXTRA = ['AI', 'G7', 'G20', 'OECD', 'IMF', 'WTO', 'ESG', 'K팝', 'BTS', 'KBO', 'EU', 'ICT']

/** The story words the benchmark searches for, and the share of articles about each. */
const STORIES = [
  { share: 0.03, noun: '협정' },
  { share: 0.02, person: '푸틴' },
  { share: 0.01, place: '도쿄(東京)' },
] as const

/** Made-up two- and three-syllable nouns: the long tail of an archive's vocabulary. */
function madeUpWords(next: () => number): string[] {
  const syllables =
    '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추쿠투푸후기니디리미비시이지치키티피히강난당랑망방상앙장창캉탕팡항곤논돈론몬본손온존촌'
  const words = new Set<string>()
  while (words.size < 3_000) {
    let word = ''
    const length = next() < 0.7 ? 2 : 3
    for (let i = 0; i < length; i++) word += syllables[Math.floor(next() * syllables.length)]
    words.add(word)
  }
  return [...words]
}

/** Whether a Hangul syllable ends in a consonant (picks 은/는, 이/가, 을/를, 과/와). */
function batchim(word: string): boolean {
  const last = word.replace(/\(.*\)$/, '').at(-1) ?? ''
  const code = last.charCodeAt(0) - 0xac00
  if (code < 0 || code > 11171) return false
  return code % 28 !== 0
}
const topic = (w: string) => w + (batchim(w) ? '은' : '는')
const subject = (w: string) => w + (batchim(w) ? '이' : '가')
const object = (w: string) => w + (batchim(w) ? '을' : '를')
const and = (w: string) => w + (batchim(w) ? '과' : '와')

/** ~2,000 tags: the nouns, nouns paired, places, people and a few Latin ones. */
function tagList(): string[] {
  const tags = new Set<string>([...NOUNS, ...PEOPLE, ...TAG_EXTRA])
  for (const p of PLACES) tags.add(p.replace(/\(.*\)$/, ''))
  for (const a of NOUNS) for (const b of NOUNS) if (tags.size < 2_000 && a !== b) tags.add(a + b)
  return [...tags]
}
export const TAGS = tagList()

export class ArticleGenerator {
  private readonly next: () => number
  private readonly words: string[]
  /** The current article's story words, used in some of its sentences. */
  private story: { noun?: string; person?: string; place?: string } = {}
  constructor(seed = 13) {
    this.next = random(seed)
    this.words = madeUpWords(random(1))
  }
  private noun(): string {
    if (this.story.noun && this.next() < 0.3) return this.story.noun
    return this.next() < 0.4 ? this.pick(this.words, 2) : this.pick(NOUNS)
  }
  private person(): string {
    if (this.story.person && this.next() < 0.4) return this.story.person
    return this.pick(PEOPLE)
  }
  private place(): string {
    if (this.story.place && this.next() < 0.5) return this.story.place
    return this.pick(PLACES, 1.5)
  }
  /** A skewed pick: index ~ len · r^2, so the start of a list is far more common than its end. */
  private pick<T>(list: readonly T[], skew = 2): T {
    return list[Math.floor(list.length * this.next() ** skew)]!
  }
  private headline(): string {
    const [p, n, m, place, v] = [
      this.person(),
      this.noun(),
      this.noun(),
      this.place(),
      this.pick(VERBS, 1),
    ]
    switch (Math.floor(this.next() * 5)) {
      case 0:
        return `${topic(p)} ${n} ${object(m)} ${v}`
      case 1:
        return `${place}서 ${and(n)} ${m} ${object('논의')} ${v}`
      case 2:
        return `[단독] ${p}, ${n} ${m} ${this.pick(ADVERBS, 1)} ${v}`
      case 3:
        return `${n} ${subject(m)} ${this.pick(ADVERBS, 1)} ${v}… ${p} "${this.noun()} 대응"`
      default:
        return `${p} "${n} ${m}, ${place}에서 결론"`
    }
  }
  private sentence(): string {
    const [p, n, m, place, v] = [
      this.person(),
      this.noun(),
      this.noun(),
      this.place(),
      this.pick(VERBS, 1),
    ]
    switch (Math.floor(this.next() * 4)) {
      case 0:
        return `${topic(p)} ${this.pick(['이날', '지난달', '올해', '전날'], 1)} ${place}에서 열린 ${n} 회의에서 ${m} 문제를 ${v}.`
      case 1:
        return `${subject(n)} ${m}에 미칠 영향에 대해 ${topic(this.person())} "${this.noun()} 상황을 면밀히 지켜보고 있다"고 말했다.`
      case 2:
        return `${this.pick(SURNAMES, 1)}${this.pick(GIVEN, 1)} ${place} 특파원에 따르면 ${and(n)} ${m} 관련 논의는 ${this.pick(ADVERBS, 1)} 진행되고 있다.`
      default:
        return `${object(n)} 둘러싼 ${this.person()}의 입장은 ${m} 정책과 맞물려 ${v}.`
    }
  }
  /** The `i`-th article (0 = oldest), published at `ms`; a plain object, as indexRow() makes them. */
  article(i: number, ms: number): IndexRow & { body: string } {
    this.story = {}
    for (const story of STORIES) if (this.next() < story.share) Object.assign(this.story, story)
    const title = this.headline()
    const description = `${this.sentence()} ${this.sentence()}`.slice(0, 140)
    let body = ''
    while (body.length < 300) body += (body ? ' ' : '') + this.sentence()
    const categories = [this.pick(CATEGORIES, 1.5)]
    if (this.next() < 0.15) categories.push(this.pick(CATEGORIES, 1.5))
    const tags: string[] = []
    const tagCount = 2 + Math.floor(this.next() * 4)
    for (let t = 0; t < tagCount; t++) tags.push(this.pick(TAGS, 3))
    const publishedAt = isoSeoul(ms)
    const reporter = `${this.pick(SURNAMES, 1)}${this.pick(GIVEN, 1)} 기자`
    const withImage = this.next() < 0.7
    return {
      lang: 'ko',
      slug: `${publishedAt.slice(0, 10)}-${i.toString(36)}`,
      title,
      description,
      publishedAt,
      ...(this.next() < 0.1 && { modifiedAt: isoSeoul(ms + 3_600_000) }),
      ...(withImage && {
        image: { url: `/images/${i.toString(36)}.jpg`, alt: title, width: 1200, height: 675 },
      }),
      contentLang: 'ko',
      categories,
      tags: [...new Set(tags)],
      authors: [{ name: reporter }],
      sourceSha256: sha(i),
      store: 'kv',
      firstSeen: publishedAt,
      search: {
        title: searchText(title),
        description: searchText(description),
        body: searchText(body),
      },
      body,
    }
  }
}

/** `2026-11-01T09:00:00+09:00` for a time in ms. */
export function isoSeoul(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+09:00')
}

/** A stand-in source hash (64 hex digits), cheap and distinct per article. */
function sha(i: number): string {
  return (i.toString(16).padStart(8, '0') + 'f00dbabe').repeat(4)
}
