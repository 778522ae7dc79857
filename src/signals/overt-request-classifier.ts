import type { OfferKind } from './signal.js';

/**
 * Overt signals: the customer asks, in their own words ("our machine comes off warranty
 * soon, do you offer an extension?"). This classifier files the words under an offer,
 * pure, from weighted phrases: each offer sums the weights of its phrases found in the
 * text, a phrase right after a negation ("we don't need another printer") does not
 * count, and the highest sum wins; nothing found files it as a consultation (call back).
 *
 * Why phrases are enough here: the requests are short, the offers few, and their
 * vocabulary narrow (warranty, contract, volume, faster, training); a salesperson reads
 * every request anyway, and a wrong filing costs a look, not a lost deal. What would
 * replace it: once requests and their won or lost outcomes accumulate, a trained text
 * classifier (TF-IDF and logistic regression, or a small multilingual sentence-embedding
 * model with nearest offer), which also reads the other languages of a European fleet
 * this English lexicon does not.
 */

export interface Classification {
  offer: OfferKind;
  /** 0–1: how clearly the words point at that offer. */
  confidence: number;
  /** The phrases that decided it, as found in the text. */
  matched: string[];
}

type Lexicon = ReadonlyArray<{ offer: OfferKind; phrases: ReadonlyArray<readonly [RegExp, number]> }>;

const w = (pattern: string, weight: number): readonly [RegExp, number] => [
  new RegExp(`\\b(?:${pattern})\\b`, 'g'),
  weight,
];

// order breaks ties: the more specific offers first
export const LEXICON: Lexicon = [
  {
    offer: 'extended-warranty',
    phrases: [
      w('extend(?:ed|ing)? (?:the |our |its )?warrant(?:y|ies)', 4),
      w('warranty extension', 4),
      w('(?:comes?|coming|came) off warranty', 3),
      w('warranty (?:ends?|ending|expires?|expiring|runs? out|is over)', 3),
      w('out of warranty', 2),
      w('warrant(?:y|ies)', 1),
      w('extension', 1),
    ],
  },
  {
    offer: 'contract-renewal',
    phrases: [
      w('renew(?:al|ing|ed)?', 3),
      w('contract (?:ends?|ending|expires?|expiring|runs? out)', 3),
      w('extend (?:the |our )?(?:service )?contract', 4),
      w('(?:service )?contract', 1),
    ],
  },
  {
    offer: 'full-service-contract',
    phrases: [
      w('full[- ]service', 4),
      w('all[- ]inclusive', 3),
      w('maintenance (?:contract|agreement)', 3),
      w('service (?:contract|agreement)', 2),
      w('(?:every|each) (?:visit|repair|call)', 2),
      w('(?:invoices?|bills?|billed|paying|pay) (?:for|per)', 2),
      w('fixed (?:monthly )?(?:price|fee|cost)', 3),
      w('cost per (?:page|copy|click)', 3),
      w('time and materials', 2),
      w('repair (?:costs|bills)', 2),
    ],
  },
  {
    offer: 'upgrade',
    phrases: [
      w('upgrade', 4),
      w(
        '(?:handle|handles|keep up with|cope with|manage) (?:our |the |this )?(?:volume|workload|print volume)',
        4,
      ),
      w("(?:can't|cannot|can not|doesn't|does not|won't) keep up", 4),
      w('(?:bigger|larger|faster|newer|more powerful) (?:machine|model|printer|copier|unit|one)', 4),
      w('too slow', 3),
      w('faster', 2),
      w('newer model', 2),
      w('replace (?:the|our|this|it)(?: \\w+)?', 2),
      w('(?:more|higher) (?:volume|capacity|speed|pages)', 2),
      w('breaks? down (?:all the time|constantly|again|every week)', 2),
    ],
  },
  {
    offer: 'additional-capacity',
    phrases: [
      w('(?:another|second|additional|extra) (?:machine|printer|copier|unit|device|mfp)', 5),
      w('new (?:office|floor|site|branch|department|wing)', 3),
      w('more (?:machines|printers|copiers|devices|staff|people|employees|users)', 3),
      w('(?:growing|expanding|hiring|opening)', 1),
    ],
  },
  {
    offer: 'pm-plan',
    phrases: [
      w('preventa?tive maintenance', 4),
      w('preventa?tive', 2),
      w('maintenance plan', 4),
      w('regular (?:maintenance|service|servicing|checks?|cleaning|visits?)', 3),
      w('scheduled? (?:maintenance|service|servicing|visits?)', 3),
      w('before (?:our|the) (?:busy|peak|big) (?:season|run|period|week)', 3),
      w('check-?ups?', 1),
      w('cleaning|clean it', 1),
      w('servic(?:e|ing) (?:it|them) (?:regularly|often)', 2),
    ],
  },
  {
    offer: 'consolidation',
    phrases: [
      w('consolidat(?:e|ion|ing)', 5),
      w('too many (?:machines|printers|copiers|devices)', 4),
      w('fewer (?:machines|printers|copiers|devices)', 4),
      w('(?:barely|hardly|rarely|never) (?:used|use|uses)', 3),
      w('reduce (?:the )?(?:number of|fleet)', 3),
      w('(?:remove|get rid of|take away) (?:a|one|some|the) (?:machine|printer|copier|device)', 3),
      w('sits? idle|standing idle', 3),
    ],
  },
  {
    offer: 'user-training',
    phrases: [
      w('train(?:ing)?', 3),
      w('how to (?:use|load|clear|change|replace)', 3),
      w("(?:staff|people|users|colleagues|team) (?:keep|keeps|don't know|do not know)", 2),
      w('keeps? jamming|jams? (?:all the time|constantly)', 2),
      w('(?:wrong|thick|glossy) paper|labels|envelopes|card ?stock|transparenc(?:y|ies)', 2),
      w('(?:lid|cover|door)s? (?:left )?open', 2),
    ],
  },
];

const NEGATION =
  /\b(?:no|not|don't|do not|doesn't|does not|never|without|nor|no need for|isn't|aren't)\b(?:\s+\S+){0,2}\s*$/;

/** Lower case, apostrophes straightened, accents and extra spaces gone. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function classifyRequest(text: string): Classification {
  const t = normalise(text);
  const scored = LEXICON.map(({ offer, phrases }) => {
    let score = 0;
    const matched: string[] = [];
    const taken: Array<[number, number]> = [];
    for (const [pattern, weight] of phrases) {
      for (const m of t.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        // a longer phrase of the same offer already covers this text
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        if (NEGATION.test(t.slice(Math.max(0, start - 30), start))) continue;
        taken.push([start, end]);
        score += weight;
        matched.push(m[0]);
      }
    }
    return { offer, score, matched };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (best.score === 0) return { offer: 'consultation', confidence: 0.3, matched: [] };
  const margin = best.score / (best.score + second.score + 1);
  return {
    offer: best.offer,
    confidence: Math.round(Math.min(0.95, 0.35 + 0.6 * margin) * 100) / 100,
    matched: best.matched,
  };
}
