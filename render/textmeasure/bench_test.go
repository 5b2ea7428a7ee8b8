package textmeasure

import "testing"

var sink any

func BenchmarkWidth(b *testing.B) {
	f := Default()
	s := "Customer orders broadband subscription on the web site"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		sink = f.Width(s, 12)
	}
}

func BenchmarkWidthNonLatin(b *testing.B) {
	f := Default()
	s := "Kunden bestiller bredbånd på nettsiden 顧客はウェブでブロードバンドを注文する"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		sink = f.Width(s, 12)
	}
}

func BenchmarkWrap(b *testing.B) {
	f := Default()
	s := "Customer orders broadband subscription on the provider's web site and receives an order confirmation by e-mail"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		sink = f.Wrap(s, 12, 120)
	}
}

func BenchmarkWrapBalanced(b *testing.B) {
	f := Default()
	s := "Customer orders broadband subscription on the provider's web site and receives an order confirmation by e-mail"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		sink = f.WrapBalanced(s, 12, 120)
	}
}

func BenchmarkTruncate(b *testing.B) {
	f := Default()
	s := "Customer orders broadband subscription on the provider's web site"
	for b.Loop() {
		sink = f.Truncate(s, 12, 120)
	}
}
