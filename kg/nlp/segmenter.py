"""pkuseg's word segmentation, computed faster with the very same result.

spacy-pkuseg spends nearly all its time building each character's features: for every position
it joins and looks up 20 candidate words of 2–6 characters and then 50 "word around character"
strings, most of them built from the placeholder ``**noWord`` and absent from the model. Here
the candidate words are looked up once per position (each serves four neighbours), and a
placeholder-only feature is built only when the model has it. Features keep pkuseg's order, so
the Viterbi decoder, which is pkuseg's own, sums the same weights in the same order and returns
the same tags. ``FastPkuseg.usable`` says whether a loaded model fits these assumptions; the
pipeline keeps pkuseg's own ``cut`` when it does not.

User-dictionary words (kg's known names) are forced as pkuseg forces them, longest first, with
two corrections (``pieces``): a forced word is a whole dictionary word, never the prefix of one
pkuseg's trie walk stopped in, and it is not forced where the model reads a common word across
its edge (形成 over 成都市 in 形成都市圈).
"""

from __future__ import annotations

from itertools import chain
from typing import Optional

import numpy
from spacy_pkuseg import inference
from spacy_pkuseg.config import config
from spacy_pkuseg.feature_extractor import FeatureExtractor

_NO_WORD = "**noWord"
# Single characters standing for pkuseg's multi-character nodes in the word-lookup string; a
# model whose vocabulary contains them is not usable here (see FastPkuseg.usable).
_NUM, _LETTER = "\ue000", "\ue001"
_NODE = {_NUM: "**Num", _LETTER: "**Letter"}
_MEMO_SIZE = 200_000  # entries remembered (about 50 MB), then forgotten all at once
# A character's features after the bias (id 0), in pkuseg's order: (pairs?, offset, column) of
# the padded character (False) or pair (True) rows, the character's own row at offset 0.
_NODE_FEATURES = (
    (False, 0, 0), (False, -1, 1), (True, -1, 0), (False, 1, 2), (True, 0, 1),
    (False, -2, 3), (True, -2, 2), (False, 2, 4),
)


class FastPkuseg:
    """Stands in for a loaded ``spacy_pkuseg.pkuseg`` (``cut`` and ``preprocesser``)."""

    def __init__(self, seg, placeholder_free: Optional[bool] = None) -> None:
        self.seg = seg
        # Where no feature of the model names the placeholder (pkuseg's ctb8 has none), the
        # word-pair features built with it are all absent and are not looked up.
        if placeholder_free is None:
            placeholder_free = no_placeholder(seg.feature_extractor.feature_to_idx)
        self._placeholder_free = placeholder_free
        self.preprocesser = seg.preprocesser  # pkuseg's user dictionary, shared
        extractor = seg.feature_extractor
        self._features = extractor.feature_to_idx
        self._unigram = extractor.unigram
        self._lengths = tuple(range(config.wordMax, config.wordMin - 1, -1))  # longest first, as pkuseg
        self._begins = frozenset(i for i, tag in seg.idx_to_tag.items() if "B" in tag)
        # pkuseg renames keywords to "&" first, then a number wins over a letter.
        table: dict[int, str] = {}
        for ch in FeatureExtractor.letter:
            table[ord(ch)] = _LETTER
        for ch in FeatureExtractor.num:
            table[ord(ch)] = _NUM
        for ch in FeatureExtractor.keywords:
            table[ord(ch)] = "&"
        self._table = table
        # the (slot in _lengths, length) of the vocabulary words of 2..wordMax characters that
        # start with each pair of characters, longest first: most positions start none and need
        # no lookup, the others only of the lengths some word has
        bits: dict[str, int] = {}
        for w in self._unigram:
            if config.wordMin <= len(w) <= config.wordMax:
                bits[w[:2]] = bits.get(w[:2], 0) | 1 << len(w)
        slots = {b: tuple((i, n) for i, n in enumerate(self._lengths) if b >> n & 1) for b in set(bits.values())}
        self._by_prefix = {pair: slots[b] for pair, b in bits.items()}
        self._memo: dict = {}  # feature ids of a character, a pair of them, or rows of neighbouring words
        model = seg.model
        # the node weights, a row of n_tag per feature, and a feature whose weights are all zero
        # (one is appended where the model has none) for the features a character lacks
        weights = model.w[: model.n_feature * model.n_tag].reshape(model.n_feature, model.n_tag)
        zeros = numpy.flatnonzero(~weights.any(axis=1))
        if not zeros.size:
            weights = numpy.vstack([weights, numpy.zeros((1, model.n_tag))])
            zeros = numpy.array([model.n_feature])
        self._weights, self._zero = weights, int(zeros[0])
        # the edge scores, computed by pkuseg's own getLogYY (for no node)
        _, self._edge = inference.getLogYY([], model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
        self._is_begin = numpy.array([i in self._begins for i in range(model.n_tag)])

    def __getattr__(self, name: str):
        # everything else (model, feature_extractor, postprocesser …) is pkuseg's own
        return getattr(self.seg, name)

    @property
    def usable(self) -> bool:
        f = self._features
        return (
            config.numLetterNorm
            and config.wordFeature
            and "" not in self._unigram
            and _NO_WORD not in self._unigram
            and not any(_NUM in w or _LETTER in w for w in self._unigram)
            # placeholder-only features are skipped; they must be absent from the model
            and f"ww.l.{_NO_WORD}*{_NO_WORD}" not in f
            and f"ww.r.{_NO_WORD}*{_NO_WORD}" not in f
        )

    def cut(self, txt: str) -> list[str]:
        """pkuseg's ``cut`` without part-of-speech tags: whitespace splits, user-dictionary
        words stay whole, the rest is segmented by the model and post-processed. The text
        between dictionary words is scored by the model in one batch (``_cut_many``)."""
        found = [pair for piece in txt.strip().split() for pair in self.pieces(piece)]
        cut = iter(self._cut_many([word for word, is_word in found if not is_word]))
        ret: list[str] = []
        for word, is_word in found:
            if is_word:
                ret.append(word)
            else:
                ret.extend(self._post_process(next(cut)))
        return ret

    def pieces(self, text: str) -> list[tuple[str, bool]]:
        """``dictionary_pieces`` of ``text`` without the dictionary words that read across a
        common word: where the model's vocabulary has a word that crosses an edge of a forced
        word (建成 across 成都 in 建成都市, 形成 in 形成都市圈, 重大 across 大理 in 重大理论)
        and the model, cutting the text around it, puts no boundary at that edge, the model's
        cut is kept (建成/都市, 形成/都市圈, 重大/理论); where it does (创建/成都), the name."""
        found = self.dictionary_pieces(text)
        if len(found) < 2 and not (found and found[0][1]):
            return found
        starts = [0]
        for word, _ in found:
            starts.append(starts[-1] + len(word))
        kept = []
        for k, (word, is_word) in enumerate(found):
            if is_word and self._read_across(text, starts, found, k):
                is_word = False
            if kept and not is_word and not kept[-1][1]:
                kept[-1] = (kept[-1][0] + word, False)
            else:
                kept.append((word, is_word))
        return kept

    def _read_across(self, text: str, starts: list[int], found: list[tuple[str, bool]], k: int) -> bool:
        """Whether the model reads the k-th (forced) piece's edge as inside a common word."""
        vocab = self._unigram
        i, j = starts[k], starts[k + 1]
        # only text the model cuts can hold the crossing word, not a neighbouring forced word
        lo = starts[k - 1] if k and not found[k - 1][1] else i
        hi = starts[k + 2] if k + 1 < len(found) and not found[k + 1][1] else j
        edges = [
            edge for edge, (a, b) in ((i, (max(lo, i - 3), i)), (j, (j, min(hi, j + 3))))
            if a < b and any(
                text[x:y] in vocab
                for x in range(a if edge == i else i + 1, i if edge == i else j)
                for y in range(i + 1 if edge == i else j + 1, (j if edge == i else b) + 1)
                if 2 <= y - x <= 4
            )
        ]
        if not edges:
            return False
        a, b = max(lo, i - 4), min(hi, j + 4)
        cut = self._post_process(self._cut(text[a:b]))
        bounds = {a}
        for w in cut:
            bounds.add(max(bounds) + len(w))
        return any(edge not in bounds for edge in edges)

    def dictionary_pieces(self, text: str) -> list[tuple[str, bool]]:
        """``text`` in pieces, each a user-dictionary word (True) or text between them (False):
        at each position the longest dictionary word, as pkuseg's ``Preprocesser.solve``, but
        a dictionary word and never a mere prefix of one. pkuseg's walk down its trie stops
        where the text leaves it and keeps what it walked, so 上海浦东 (on the way to
        上海浦东新区…) or 杭州市第 (杭州市第一医院) became one forced word and cut the name after it."""
        root = self.preprocesser.trie.children
        out: list[tuple[str, bool]] = []
        last = i = 0
        n = len(text)
        while i < n:
            node = root.get(text[i])
            end = -1
            j = i
            while node is not None:
                j += 1
                if node.isword:
                    end = j
                if j == n:
                    break
                node = node.children.get(text[j])
            if end < 0:
                i += 1
                continue
            if last < i:
                out.append((text[last:i], False))
            out.append((text[i:end], True))
            last = i = end
        if last < n:
            out.append((text[last:], False))
        return out

    def _post_process(self, sent: list[str]) -> list[str]:
        """pkuseg's Postprocesser with ``check_seperated``: runs of 7, then 6 … 2 words that
        form a dictionary word are merged, unless every part is a dictionary word itself.
        Windows are read as slices of the joined text."""
        post = self.seg.postprocesser
        if not post.do_process:
            return sent
        common, other = post.common_words, post.other_words
        text = "".join(sent)
        starts = [0]
        for w in sent:
            starts.append(starts[-1] + len(w))
        for m in range(7, 1, -1):
            i = 0
            while i + m <= len(sent):
                merged = text[starts[i] : starts[i + m]]
                if merged in common or (merged in other and not all(w in common or w in other for w in sent[i : i + m])):
                    sent[i : i + m] = [merged]
                    del starts[i + 1 : i + m]
                i += 1
        return sent

    def _cut(self, text: str) -> list[str]:
        return self._cut_many([text])[0]

    def _cut_many(self, texts: list[str]) -> list[list[str]]:
        """Each text cut into words by pkuseg's model: its Viterbi decoder over node scores
        summed here (``_scores``) as pkuseg's ``getLogYY`` sums them."""
        if not texts:
            return []
        node = self._scores(texts)
        out, pos = [], 0
        for text in texts:
            n = len(text)
            _, tags = inference.run_viterbi(node[pos : pos + n], self._edge)
            pos += n
            cuts = (numpy.flatnonzero(self._is_begin[tags[1:]]) + 1).tolist()
            edges = [0, *cuts, n]
            out.append([text[a:b] for a, b in zip(edges, edges[1:])])
        return out

    def _scores(self, texts: list[str]) -> numpy.ndarray:
        """The model's score of every tag at every character of ``texts`` (one row each, the
        texts one after another). pkuseg adds, at each character, the weights of its features
        one by one in the order ``features`` lists them; so does this, one feature column for
        all characters at a time (a missing feature adds a row of zero weights, which changes
        no sum), so every score is the very same float and Viterbi chooses the same tags."""
        if len(self._memo) > _MEMO_SIZE:
            self._memo.clear()
        uni: list[tuple] = []
        bi: list[tuple] = []
        at: list[int] = []  # each character's row in uni and bi
        words: list[tuple] = []
        for text in texts:
            s = text.translate(self._table)
            u, b, w = self._feature_rows(s)
            at.extend(range(len(uni) + 2, len(uni) + 2 + len(s)))
            uni += u
            bi += b
            words += w
        W, zero = self._weights, self._zero
        # fromiter over the flattened rows: numpy.array reads a list of tuples several times slower
        U = numpy.fromiter(chain.from_iterable(uni), dtype=numpy.intp, count=5 * len(uni)).reshape(-1, 5)
        B = numpy.fromiter(chain.from_iterable(bi), dtype=numpy.intp, count=3 * len(bi)).reshape(-1, 3)
        U[U < 0] = zero
        B[B < 0] = zero
        k = numpy.array(at, dtype=numpy.intp)
        node = numpy.zeros((len(k), W.shape[1]))
        node += W[0]
        for pair, offset, column in _NODE_FEATURES:
            node += W[(B if pair else U)[k + offset, column]]
        # the word features: a different number at each character, added column by column
        lengths = numpy.fromiter(map(len, words), dtype=numpy.intp, count=len(words))
        flat = numpy.fromiter(chain.from_iterable(words), dtype=numpy.intp)
        offsets = numpy.cumsum(lengths) - lengths
        rows = numpy.flatnonzero(lengths)
        j = 0
        while rows.size:
            node[rows] += W[flat[offsets[rows] + j]]
            j += 1
            rows = rows[lengths[rows] > j]
        return node

    def features(self, text: str) -> list[list[int]]:
        """Feature ids of every character, as pkuseg's ``get_node_features_idx`` lists them."""
        uni, bi, words = self._feature_rows(text.translate(self._table))
        out = []
        for i, word_ids in enumerate(words):
            k = i + 2
            ids = [(bi if pair else uni)[k + offset][column] for pair, offset, column in _NODE_FEATURES]
            out.append([0, *(f for f in ids if f >= 0), *word_ids])
        return out

    def _feature_rows(self, s: str) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """For the translated text ``s`` (one character per node): the ids (-1: absent) of
        each character's five character features and of each pair's three, each list padded
        with two all-absent rows before (and after the pairs three, so both are len(s) + 4
        long and a character's row is its index + 2); and the ids of each character's word
        features, in pkuseg's order."""
        memo = self._memo
        lengths = self._lengths
        n = len(s)
        empty = (None,) * len(lengths)
        none5, none3 = (-1,) * 5, (-1,) * 3
        uni = [none5, none5, *(memo.get(ch) or self._unigram_ids(ch) for ch in s), none5, none5]
        pairs = (s[p : p + 2] for p in range(n - 1))
        bi = [none3, none3, *(memo.get(pair) or self._bigram_ids(pair) for pair in pairs), none3, none3, none3]
        # starts[p]: the vocabulary words s[p:p+l], longest first (None where s[p:p+l] is none);
        # ends[e]: those ending at e. Both are `empty` where there are none, as at most positions.
        unigram, by_prefix = self._unigram, self._by_prefix
        size = len(lengths)
        starts = [empty] * (n + 1)
        ending: dict[int, list] = {}
        for p in range(n - 1):
            slots = by_prefix.get(s[p : p + 2])
            if slots is None:
                continue
            row = None
            for i, l in slots:
                e = p + l
                if e <= n and (w := s[p:e]) in unigram:
                    if row is None:
                        row = [None] * size
                    row[i] = w
                    at = ending.get(e)
                    if at is None:
                        at = ending[e] = [None] * size
                    at[i] = w
            if row is not None:
                starts[p] = tuple(row)
        ends = [empty] * (n + 1)
        for e, row in ending.items():
            ends[e] = tuple(row)

        words = []
        nothing = ()
        for i in range(n):
            key = (ends[i + 1], starts[i], ends[i], starts[i + 1])  # pre_in, post_in, pre_ex, post_ex
            if key[0] is empty and key[1] is empty and key[2] is empty and key[3] is empty:
                words.append(nothing)
                continue
            found = memo.get(key)
            if found is None:
                found = memo[key] = tuple(self._word_ids(*key, empty))
            words.append(found)
        return uni, bi, words

    def _unigram_ids(self, ch: str) -> tuple:
        get, c = self._features.get, _NODE.get(ch, ch)
        ids = (get("c." + c, -1), get("c-1." + c, -1), get("c1." + c, -1), get("c-2." + c, -1), get("c2." + c, -1))
        self._memo[ch] = ids
        return ids

    def _bigram_ids(self, pair: str) -> tuple:
        get = self._features.get
        a, b = pair
        ab = _NODE.get(a, a) + "." + _NODE.get(b, b)
        ids = (get("c-1c." + ab, -1), get("cc1." + ab, -1), get("c-2c-1." + ab, -1))
        self._memo[pair] = ids
        return ids

    def _word_ids(self, pre_in: tuple, post_in: tuple, pre_ex: tuple, post_ex: tuple, empty: tuple) -> list:
        """Ids of the word features of one character (w-1, w1, ww.l, ww.r), in pkuseg's order;
        each part depends on one or two rows of neighbouring words, which recur: remembered."""
        memo = self._memo
        get = self._features.get
        placeholder = not self._placeholder_free
        key = ("w-1.", pre_in)
        ids = memo.get(key)
        if ids is None:
            ids = memo[key] = [f for w in pre_in if w and (f := get("w-1." + w)) is not None]
        key = ("w1.", post_in)
        found = memo.get(key)
        if found is None:
            found = memo[key] = [f for w in post_in if w and (f := get("w1." + w)) is not None]
        ids = ids + found
        # without the placeholder, a pair needs a word on both sides
        if placeholder or (pre_ex is not empty and post_in is not empty):
            key = ("ww.l.", pre_ex, post_in)
            found = memo.get(key)
            if found is None:
                found = memo[key] = [f for k in _pairs("ww.l.", pre_ex, post_in, empty, placeholder) if (f := get(k)) is not None]
            ids += found
        if placeholder or (pre_in is not empty and post_ex is not empty):
            key = ("ww.r.", pre_in, post_ex)
            found = memo.get(key)
            if found is None:
                found = memo[key] = [f for k in _pairs("ww.r.", pre_in, post_ex, empty, placeholder) if (f := get(k)) is not None]
            ids += found
        return ids


def _pairs(prefix: str, pres: tuple, posts: tuple, empty: tuple, placeholder: bool = True) -> list[str]:
    """pkuseg's "word before * word after" strings in its order, without the placeholder-only
    ones, and without any naming the placeholder unless ``placeholder``."""
    if pres is empty and posts is empty:
        return []
    if not placeholder:
        after = [post for post in posts if post]
        return [prefix + pre + "*" + post for pre in pres if pre for post in after] if after else []
    keys = []
    for pre in pres:
        if pre is None:
            head = prefix + _NO_WORD + "*"
            keys += [head + post for post in posts if post]
        else:
            head = prefix + pre + "*"
            keys += [head + (post or _NO_WORD) for post in posts]
    return keys


def no_placeholder(features: dict) -> bool:
    """Whether no feature of a model names pkuseg's placeholder ``**noWord``."""
    return not any(_NO_WORD in key for key in features)


def fast_segmenter(seg, placeholder_free: Optional[bool] = None) -> Optional[FastPkuseg]:
    """A FastPkuseg for ``seg``, or None when its model does not fit the faster path;
    ``placeholder_free``: ``no_placeholder`` of its features, if known."""
    fast = FastPkuseg(seg, placeholder_free)
    return fast if fast.usable else None
