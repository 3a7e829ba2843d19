// Package digits writes counts for people to read: 1234567 as "1,234,567".
package digits

import "strconv"

// Grouped returns n in decimal with a comma between groups of three
// digits.
func Grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	start := 0
	if n < 0 {
		start = 1
	}
	if len(s)-start <= 3 {
		return s
	}
	b := make([]byte, 0, len(s)+(len(s)-start-1)/3)
	b = append(b, s[:start]...)
	digits := s[start:]
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, digits[i])
	}
	return string(b)
}
