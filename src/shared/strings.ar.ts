/**
 * Every piece of text the reader shows, in one place: translators and reviewers read one file, and tests
 * import the same strings they assert on. Plural-aware phrases take the already formatted number and are
 * picked by `formatPlural` (src/shared/lib/format.ts) with the CLDR categories of Arabic.
 */

/** One form per CLDR plural category of Arabic; `n` is the number already formatted for display. */
export interface PluralForms {
  zero: (n: string) => string;
  one: (n: string) => string;
  two: (n: string) => string;
  few: (n: string) => string;
  many: (n: string) => string;
  other: (n: string) => string;
}

export const strings = {
  siteName: 'قارئ الأخبار',
  siteTagline: 'أخبار عربية، مرتبة حسب المواضيع والوسوم',
  titleSuffix: ' — قارئ الأخبار',
  skipToContent: 'تخطَّ إلى المحتوى',

  nav: {
    topics: 'المواضيع',
    home: 'الرئيسية',
  },

  search: {
    label: 'ابحث في الأخبار',
    placeholder: 'ابحث في الأخبار…',
    submit: 'بحث',
    suggestionsLabel: 'اقتراحات البحث',
    kindTopic: 'موضوع',
    kindTag: 'وسم',
    kindArticle: 'خبر',
    suggestionCount: (n: string) => `${n} اقتراحات متاحة، استخدم الأسهم للتنقل بينها.`,
  },

  // The search page (src/features/search); the header's box is `search` above.
  searchPage: {
    heading: 'البحث في الأخبار',
    browseHeading: 'تصفح الأخبار',
    headingFor: (q: string) => `نتائج البحث عن «${q}»`,
    title: 'البحث',
    queryLabel: 'كلمات البحث',
    resultsLabel: 'نتائج البحث',
    resultCount: (n: string) => `عدد النتائج: ${n}`,
    recentOnly: (n: string) => `النتائج من أحدث ${n} مقال.`,
    searchAll: 'ابحث في الأرشيف كله',
    loading: 'جارٍ البحث…',
    error: 'تعذّر إجراء البحث. تحقق من اتصالك ثم أعد المحاولة.',
    retry: 'إعادة المحاولة',
    facetsLabel: 'تضييق النتائج',
    topics: 'المواضيع',
    tags: 'الوسوم',
    anyTopic: 'كل المواضيع',
    activeFilters: 'المرشحات المختارة',
    removeFilter: (label: string) => `إزالة «${label}»`,
    clearFilters: 'إزالة كل المرشحات',
    facetCount: (label: string, n: string) => `${label} (${n})`,
    emptyTitle: 'لم نجد نتائج',
    emptyFor: (q: string) => `لا توجد أخبار تطابق «${q}».`,
    emptyFiltered: 'لا توجد أخبار تطابق هذه المرشحات.',
    emptyForFiltered: (q: string) => `لا توجد أخبار تطابق «${q}» مع المرشحات المختارة.`,
    searchWithoutFilters: (q: string) => `ابحث عن «${q}» دون المرشحات`,
    pastLastTitle: 'لا نتائج في هذه الصفحة',
    pastLast: (page: string, total: string) => `الصفحة ${page} بعد آخر صفحة من النتائج (عدد النتائج: ${total}).`,
    firstPage: 'العودة إلى الصفحة الأولى من النتائج',
    suggestionsTitle: 'جرّب ما يلي:',
    checkSpelling: 'تحقق من كتابة الكلمات، أو جرّب كلمة أقصر أو مرادفاً لها.',
    fewerWords: 'استخدم كلمات أقل أو أعمّ.',
    dropFilters: 'ابحث دون المرشحات',
    browseTopics: 'أو تصفح المواضيع:',
    didYouMean: 'هل تقصد:',
    showingFor: (q: string) => `نعرض نتائج «${q}».`,
    searchLiteral: (q: string) => `ابحث عن «${q}» كما كتبتها`,
    noWords: 'لا يحوي البحث كلمات يمكن البحث عنها: اكتب كلمة عربية أو لاتينية أو رقماً.',
    sortLabel: 'ترتيب النتائج',
    sortRelevance: 'الأكثر صلة',
    sortNewest: 'الأحدث',
    pagination: 'صفحات النتائج',
    previous: 'السابق',
    next: 'التالي',
    page: (n: string) => `صفحة ${n}`,
  },

  theme: {
    toggleDark: 'الوضع الداكن',
  },

  footer: {
    about: 'الأخبار العربية حسب الموضوع والوسم.',
  },

  home: {
    heading: 'آخر الأخبار',
    title: 'قارئ الأخبار — آخر الأخبار',
    empty: 'لا توجد أخبار بعد.',
  },

  topicFilter: {
    label: 'تصفية حسب الموضوع',
    all: 'الكل',
  },

  list: {
    empty: 'لا توجد مقالات هنا بعد.',
    topicEyebrow: 'موضوع',
    tagEyebrow: 'وسم',
    /** A tag page's title: not the same as a topic's of the same name («إيران»). */
    tagTitle: (label: string) => `وسم «${label}»`,
  },

  pagination: {
    label: 'التنقل بين الصفحات',
    newer: 'أخبار أحدث',
    older: 'أخبار أقدم',
    /** The days an older page of a list covers. */
    days: (from: string, to: string) => `من ${from} إلى ${to}`,
    /** An older page's title: «آخر الأخبار — الصفحة ٢» (older pages count from the oldest). */
    titled: (title: string, page: string) => `${title} — الصفحة ${page}`,
  },

  article: {
    source: 'المصدر',
    sourceLink: 'اقرأ في المصدر',
    tags: 'وسوم المقال',
    topics: 'مواضيع المقال',
    related: 'اقرأ أيضاً',
    sharedTags: 'وسوم مشتركة:',
    readAlso: 'عناوين ذكرها المصدر',
    readAlsoMissing: '(غير متوفر في الموقع)',
  },

  notFound: {
    title: 'الصفحة غير موجودة',
    body: 'لم نجد ما تبحث عنه. ربما تغيّر الرابط أو حُذف المقال.',
    home: 'العودة إلى الصفحة الرئيسية',
    topics: 'أو تصفح المواضيع:',
    /** A tag page that does not exist: its words searched for instead. */
    search: (words: string) => `ابحث عن «${words}»`,
  },

  error: {
    title: 'حدث خطأ',
    network: 'تعذّر الاتصال بالخادم. تحقق من اتصالك بالإنترنت ثم أعد المحاولة.',
    invalidData: 'وصلت بيانات هذه الصفحة بصيغة غير صالحة، فلم نتمكن من عرضها.',
    generic: 'تعذّر تحميل هذه الصفحة.',
    details: 'التفاصيل التقنية',
    retry: 'إعادة المحاولة',
    home: 'العودة إلى الصفحة الرئيسية',
  },

  loading: 'جارٍ التحميل…',

  // Fresh news and new versions (src/features/updates), relative dates (src/shared/ui/article-date.tsx).
  updates: {
    newArticles: 'نُشرت مقالات جديدة منذ فتحت هذه الصفحة.',
    showNewArticles: 'مقالات جديدة',
    newVersion: 'يتوفر إصدار جديد من قارئ الأخبار.',
    reload: 'تحديث الصفحة',
  },

  // Saved articles, offline reading and app updates (src/shared/lib/saved-articles.ts, src/sw.ts).
  saved: {
    nav: 'المحفوظات',
    heading: 'المحفوظات',
    intro: 'المقالات التي حفظتها على هذا الجهاز، الأحدث أولاً. تبقى متاحة للقراءة دون اتصال.',
    save: 'حفظ',
    saveNamed: (title: string) => `حفظ «${title}»`,
    savedLabel: 'محفوظ',
    savedNamed: (title: string) => `محفوظ «${title}»`,
    remove: 'إزالة',
    removeNamed: (title: string) => `إزالة «${title}» من المحفوظات`,
    removedNamed: (title: string) => `أُزيل «${title}» من المحفوظات.`,
    empty: 'لم تحفظ أي مقال بعد.',
    emptyHint: 'اضغط «حفظ» على أي مقال ليبقى هنا ويُقرأ دون اتصال.',
    browse: 'تصفح آخر الأخبار',
  },
  offline: {
    notice: 'أنت غير متصل — تعرض آخر نسخة محفوظة',
    keptNotice: 'الشبكة لا تستجيب — تعرض آخر نسخة محفوظة',
    title: 'أنت غير متصل',
    body: 'لا يمكن فتح هذه الصفحة دون اتصال بالإنترنت، لأنك لم تزرها من قبل على هذا الجهاز.',
    savedHeading: 'مقالاتك المحفوظة متاحة دون اتصال:',
    noSaved: 'لا توجد مقالات محفوظة على هذا الجهاز بعد.',
    home: 'الصفحة الرئيسية',
    search: 'البحث يحتاج إلى اتصال بالإنترنت. أعد المحاولة عند عودة الاتصال.',
  },

  // What search engines, link previews and feed readers show (scripts/prerender).
  meta: {
    siteDescription: 'قارئ الأخبار: أخبار عربية مرتبة حسب المواضيع والوسوم، مع مقالات ذات صلة.',
    topicDescription: (label: string, count: string) => `آخر أخبار ${label} في قارئ الأخبار: ${count}.`,
    tagDescription: (label: string, count: string) => `كل ما نشر قارئ الأخبار عن «${label}»: ${count}.`,
    /** An older page of a topic or tag whose articles are undated. */
    olderDescription: (label: string) => `أخبار «${label}» في قارئ الأخبار.`,
    pageSuffix: (page: string) => ` — صفحة ${page}`,
    siteFeed: 'قارئ الأخبار — آخر الأخبار',
    topicFeed: (label: string) => `${label} — قارئ الأخبار`,
    tagFeed: (label: string) => `وسم «${label}» — قارئ الأخبار`,
  },

  plural: {
    articles: {
      zero: () => 'لا مقالات',
      one: () => 'مقال واحد',
      two: () => 'مقالان',
      few: (n) => `${n} مقالات`,
      many: (n) => `${n} مقالاً`,
      other: (n) => `${n} مقال`,
    },
    readingMinutes: {
      zero: () => 'أقل من دقيقة قراءة',
      one: () => 'دقيقة قراءة',
      two: () => 'دقيقتا قراءة',
      few: (n) => `${n} دقائق قراءة`,
      many: (n) => `${n} دقيقة قراءة`,
      other: (n) => `${n} دقيقة قراءة`,
    },
  } satisfies Record<string, PluralForms>,

  // A bad network (issue #9, item 2): a filter's name not loaded yet stands as this, never as its slug.
  pendingLabel: '…',
  // Pictures, text size, sharing and print (issue #10 items 1, 3, 4, 5).
  picture: {
    credit: 'تصوير',
  },
  textSize: {
    label: 'حجم الخط',
    smaller: 'تصغير الخط',
    larger: 'تكبير الخط',
  },
  share: {
    button: 'مشاركة',
    menu: 'مشاركة المقال',
    copyLink: 'نسخ الرابط',
    copied: 'تم نسخ الرابط',
    copyFailed: 'تعذّر نسخ الرابط',
    whatsapp: 'واتساب',
    telegram: 'تيليغرام',
    x: 'إكس (تويتر)',
    facebook: 'فيسبوك',
  },
  print: {
    url: 'رابط المقال:',
  },
  // Without JavaScript: what a page that cannot work says, in its <noscript> (src/shared/ui/no-script-notice.tsx).
  noScript: {
    search: 'يحتاج البحث إلى تشغيل جافاسكربت (JavaScript) في متصفحك، وهو معطّل الآن.',
    saved: 'تُحفظ المقالات على هذا الجهاز بجافاسكربت (JavaScript)، وهو معطّل في متصفحك الآن، فلا يمكن عرضها.',
    browse: 'كل الأخبار تُقرأ دونه: تصفحها من هنا.',
    home: 'آخر الأخبار',
    links: 'تصفح الأخبار',
  },
  // Search input that needs a word of explanation (issue #11, bad input).
  searchInput: {
    cut: (n: string) => `البحث طويل جداً: اقتصر على أول ${n} حرف مما كتبت.`,
    commonWordsOnly: 'كلمات البحث كلها شائعة تتكرر في كل خبر تقريباً، فالنتائج لا تميّز شيئاً: أضف كلمة تخص ما تبحث عنه.',
  },
} as const;
