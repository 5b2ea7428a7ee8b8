package scene

import "sort"

func sortByX(idx []int, texts []*Text) {
	sort.SliceStable(idx, func(a, b int) bool { return texts[idx[a]].Box.X < texts[idx[b]].Box.X })
}
