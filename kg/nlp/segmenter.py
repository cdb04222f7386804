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

from typing import Optional

from spacy_pkuseg import inference
from spacy_pkuseg.config import config
from spacy_pkuseg.feature_extractor import FeatureExtractor

_NO_WORD = "**noWord"
# Single characters standing for pkuseg's multi-character nodes in the word-lookup string; a
# model whose vocabulary contains them is not usable here (see FastPkuseg.usable).
_NUM, _LETTER = "\ue000", "\ue001"
_NODE = {_NUM: "**Num", _LETTER: "**Letter"}
_MEMO_SIZE = 200_000  # entries remembered (about 50 MB), then forgotten all at once


class FastPkuseg:
    """Stands in for a loaded ``spacy_pkuseg.pkuseg`` (``cut`` and ``preprocesser``)."""

    def __init__(self, seg) -> None:
        self.seg = seg
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
        # which lengths (as bits) the vocabulary words of 2..wordMax characters starting with
        # each pair of characters have: most positions start none and need no lookup
        by_prefix: dict[str, int] = {}
        for w in self._unigram:
            if config.wordMin <= len(w) <= config.wordMax:
                by_prefix[w[:2]] = by_prefix.get(w[:2], 0) | 1 << len(w)
        self._by_prefix = by_prefix
        self._memo: dict = {}  # feature ids of a character, a pair of them, or rows of neighbouring words

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
        words stay whole, the rest is segmented by the model and post-processed."""
        ret: list[str] = []
        for piece in txt.strip().split():
            for word, is_word in self.pieces(piece):
                if is_word:
                    ret.append(word)
                else:
                    ret.extend(self._post_process(self._cut(word)))
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
        _, tags = inference.decodeViterbi_fast(self.features(text), self.seg.model)
        begins = self._begins
        cuts = [i for i in range(1, len(text)) if tags[i] in begins]
        edges = [0, *cuts, len(text)]
        return [text[a:b] for a, b in zip(edges, edges[1:])]

    def features(self, text: str) -> list[list[int]]:
        """Feature ids of every character, as pkuseg's ``get_node_features_idx`` lists them."""
        if len(self._memo) > _MEMO_SIZE:
            self._memo.clear()
        memo = self._memo
        lengths = self._lengths
        s = text.translate(self._table)  # one character per node
        n = len(s)
        empty = (None,) * len(lengths)
        # Per character and per pair of neighbours, the ids of the features they give, in the
        # order pkuseg lists them; two all-None rows pad each end, where pkuseg has no neighbour.
        none5, none3 = (None,) * 5, (None,) * 3
        uni = [none5, none5, *(memo.get(ch) or self._unigram_ids(ch) for ch in s), none5, none5]
        pairs = (s[p : p + 2] for p in range(n - 1))
        bi = [none3, none3, *(memo.get(pair) or self._bigram_ids(pair) for pair in pairs), none3, none3, none3]
        # starts[p]: the vocabulary words s[p:p+l], longest first (None where s[p:p+l] is none);
        # ends[e]: those ending at e.
        unigram, by_prefix = self._unigram, self._by_prefix
        starts = []
        for p in range(n):
            sizes = by_prefix.get(s[p : p + 2])
            if sizes is None:
                starts.append(empty)
                continue
            row = tuple(
                w if sizes >> l & 1 and p + l <= n and (w := s[p : p + l]) in unigram else None for l in lengths
            )
            starts.append(row if any(row) else empty)
        starts.append(empty)
        ends = [empty]
        for e in range(1, n + 1):
            row = tuple(starts[e - l][i] if e - l >= 0 else None for i, l in enumerate(lengths))
            ends.append(row if any(row) else empty)

        out: list[list[int]] = []
        for i in range(n):
            k = i + 2  # index into the padded rows
            ids = [
                0, uni[k][0], uni[k - 1][1], bi[k - 1][0], uni[k + 1][2], bi[k][1],
                uni[k - 2][3], bi[k - 2][2], uni[k + 2][4],
            ]
            pre_in, post_in, pre_ex, post_ex = ends[i + 1], starts[i], ends[i], starts[i + 1]
            if pre_in is not empty or post_in is not empty or pre_ex is not empty or post_ex is not empty:
                ids += self._word_ids(pre_in, post_in, pre_ex, post_ex, empty)
            out.append([f for f in ids if f is not None])
        return out

    def _unigram_ids(self, ch: str) -> tuple:
        get, c = self._features.get, _NODE.get(ch, ch)
        ids = (get("c." + c), get("c-1." + c), get("c1." + c), get("c-2." + c), get("c2." + c))
        self._memo[ch] = ids
        return ids

    def _bigram_ids(self, pair: str) -> tuple:
        get = self._features.get
        a, b = (_NODE.get(ch, ch) for ch in pair)
        ids = (get("c-1c." + a + "." + b), get("cc1." + a + "." + b), get("c-2c-1." + a + "." + b))
        self._memo[pair] = ids
        return ids

    def _word_ids(self, pre_in: tuple, post_in: tuple, pre_ex: tuple, post_ex: tuple, empty: tuple) -> list:
        """Ids of the word features of one character (w-1, w1, ww.l, ww.r), in pkuseg's order;
        each part depends on one or two rows of neighbouring words, which recur: remembered."""
        memo = self._memo
        ids = []
        for key, make in (
            (("w-1.", pre_in), lambda: ["w-1." + w for w in pre_in if w]),
            (("w1.", post_in), lambda: ["w1." + w for w in post_in if w]),
            (("ww.l.", pre_ex, post_in), lambda: _pairs("ww.l.", pre_ex, post_in, empty)),
            (("ww.r.", pre_in, post_ex), lambda: _pairs("ww.r.", pre_in, post_ex, empty)),
        ):
            found = memo.get(key)
            if found is None:
                get = self._features.get
                found = memo[key] = [f for f in map(get, make()) if f is not None]
            ids += found
        return ids


def _pairs(prefix: str, pres: tuple, posts: tuple, empty: tuple) -> list[str]:
    """pkuseg's "word before * word after" strings in its order, without the placeholder-only ones."""
    if pres is empty and posts is empty:
        return []
    keys = []
    for pre in pres:
        if pre is None:
            head = prefix + _NO_WORD + "*"
            keys += [head + post for post in posts if post]
        else:
            head = prefix + pre + "*"
            keys += [head + (post or _NO_WORD) for post in posts]
    return keys


def fast_segmenter(seg) -> Optional[FastPkuseg]:
    """A FastPkuseg for ``seg``, or None when its model does not fit the faster path."""
    fast = FastPkuseg(seg)
    return fast if fast.usable else None
