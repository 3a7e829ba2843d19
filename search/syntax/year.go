package syntax

import (
	"fmt"
	"strings"
)

// Years in the query box: year:2019, year:2015..2020, year:>2018 (see the
// parser's word rules in parse.go).

// year parses the value of year: into a Range.
func (p *parser) year(s string, pos int) (Node, error) {
	from, to := 0, 0
	var err error
	switch {
	case strings.HasPrefix(s, ">="):
		from, err = p.yearNumber(s[2:], pos, 0)
	case strings.HasPrefix(s, ">"):
		from, err = p.yearNumber(s[1:], pos, 1)
	case strings.HasPrefix(s, "<="):
		to, err = p.yearNumber(s[2:], pos, 0)
	case strings.HasPrefix(s, "<"):
		to, err = p.yearNumber(s[1:], pos, -1)
	case strings.Contains(s, ".."):
		i := strings.Index(s, "..")
		a, b := s[:i], s[i+2:]
		if a == "" && b == "" {
			return nil, p.fail(pos, "year: needs a year, e.g. year:2005 or year:1998..2005")
		}
		if a != "" {
			if from, err = p.yearNumber(a, pos, 0); err != nil {
				return nil, err
			}
		}
		if b != "" {
			if to, err = p.yearNumber(b, pos, 0); err != nil {
				return nil, err
			}
		}
		if from != 0 && to != 0 && from > to {
			return nil, p.fail(pos, fmt.Sprintf("the year range goes backwards — write year:%d..%d", to, from))
		}
	default:
		from, err = p.yearNumber(s, pos, 0)
		to = from
	}
	if err != nil {
		return nil, err
	}
	if err := p.count(pos); err != nil {
		return nil, err
	}
	return Range{Field: "year", From: from, To: to}, nil
}

// yearNumber parses one year and adds delta (for > and <), checking the
// result is a four-digit year.
func (p *parser) yearNumber(s string, pos, delta int) (int, error) {
	if !isDigits(s) {
		return 0, p.fail(pos, "year: takes a year or a range, e.g. year:2005, year:1998..2005 or year:>=2010")
	}
	if len(s) > 4 {
		return 0, p.fail(pos, "year "+s+" is out of range — years go from 1000 to 9999")
	}
	y := 0
	for _, c := range s {
		y = y*10 + int(c-'0')
	}
	y += delta
	if y < 1000 || y > 9999 {
		return 0, p.fail(pos, fmt.Sprintf("year %d is out of range — years go from 1000 to 9999", y))
	}
	return y, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
