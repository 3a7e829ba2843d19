package indexer

import (
	"strings"
	"time"

	"golang.org/x/net/html"
)

// This file settles a page's day from what its head says and what its
// body shows (dates_page.go reads the body's candidates): the head's day
// unless the page's own evidence says otherwise, and without a head day
// the best-placed day of the body.

// dateSources are the page's days other than the body's candidates.
type dateSources struct {
	head    string // the head metadata's day (or month, or year)
	utcHour int    // the hour of the UTC timestamp head was cut from, or -1
	url     string // the day (or month) in the page's address
	time    string // the first <time> outside listing entries
	shown   string // a date on a short line near the top of the text
	// image is the day in the path of the page's share image (og:image,
	// twitter:image): CMSs file uploads by day, so with nothing else it
	// dates the page.
	image string
}

const dayLen = len("2006-01-02")

// Where a candidate stands to the title counts: an article's date sits
// just under its headline; a date well above it is the site header's
// "today" or a ticker.
const (
	nearTitle         = 600 // characters of text after the title that are its header
	aboveTitle        = 200 // characters before the title that may still be its header
	headerAbove       = 100 // characters before the title a date in its header block may stand
	nearTitleBonus    = 25
	aboveTitlePenalty = 20
)

// score is a candidate's weight with its place on the page.
func (bd bodyDates) score(c dateCandidate) int {
	if bd.titlePos < 0 {
		return c.weight
	}
	switch d := c.pos - bd.titlePos; {
	case d >= 0 && d <= nearTitle:
		return c.weight + nearTitleBonus
	case d < -aboveTitle:
		return c.weight - aboveTitlePenalty
	}
	return c.weight
}

// best returns the best-scored candidate's day and weight, the first of
// equals.
func (bd bodyDates) best() (string, int) {
	best, w, s := "", 0, -1
	for _, c := range bd.cands {
		if sc := bd.score(c); sc > s {
			best, w, s = c.date, c.weight, sc
		}
	}
	return best, w
}

// underTitle returns the best day shown just under the title (or just
// above it, in its header block), or "".
func (bd bodyDates) underTitle() string {
	if bd.titlePos < 0 {
		return ""
	}
	best, w := "", 0
	for _, c := range bd.cands {
		d := c.pos - bd.titlePos
		if c.shown && d <= nearTitle && c.weight > w && (d >= 0 || d >= -headerAbove && bd.inTitleHeader(c.node)) {
			best, w = c.date, c.weight
		}
	}
	return best
}

// inTitleHeader reports whether n shares a small block with the title:
// the article's header, where a date may stand just above the headline.
func (bd bodyDates) inTitleHeader(n *html.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if isInside(bd.title, a) {
			return len(strings.TrimSpace(nodeText(a))) <= 2*nearTitle
		}
	}
	return false
}

// bestLocal returns the best-weighted day the page shows or gives with
// its offset.
func (bd bodyDates) bestLocal() (string, int) {
	best, w := "", 0
	for _, c := range bd.cands {
		if c.weight > w && c.local {
			best, w = c.date, c.weight
		}
	}
	return best, w
}

// showsDay reports whether the page shows day d as its own, not as an
// update nor only in a list of posts.
func (bd bodyDates) showsDay(d string) bool {
	for _, c := range bd.cands {
		if c.local && c.date == d && c.weight > weightSelfLink {
			return true
		}
	}
	return false
}

// localDayOf reports whether day local can be the publisher's calendar
// day of a UTC timestamp on day utcDay at hour: the day after when the
// hour is 16 or later (offsets of +8 and more reach midnight: Asia,
// Australia; Europe from 22 or 23), the day before when it is before 6
// (the Americas' evening).
func localDayOf(utcDay string, hour int, local string) bool {
	tu, err1 := time.Parse("2006-01-02", utcDay)
	tl, err2 := time.Parse("2006-01-02", local)
	if err1 != nil || err2 != nil {
		return false
	}
	switch tl.Sub(tu) {
	case 24 * time.Hour:
		return hour >= 16
	case -24 * time.Hour:
		return hour < 6
	}
	return false
}

// choose settles the page's day:
//   - with a head day: the head's, unless the page never writes that day
//     and shows another just under its title (the head's is then a
//     system's stamp: a migration, a re-index), or the head's comes from
//     a UTC timestamp a day off the publisher's local day;
//   - with only a head month or year: the day within it that the address,
//     a <time> or the body gives;
//   - with none: the address's day, else the body's best-placed day, else
//     the top-of-text, <time> or address date, else the share image's day.
func (bd bodyDates) choose(ds dateSources) string {
	switch {
	case ds.head == "":
		if len(ds.url) == dayLen {
			return ds.url
		}
		if best, w := bd.best(); w >= minPageDateWeight {
			return best
		}
		if d := bd.refine(firstNonEmpty(ds.shown, ds.time, ds.url), ds); d != "" {
			return d
		}
		return ds.image
	case len(ds.head) < dayLen:
		return bd.refine(ds.head, ds)
	}
	if shown := bd.underTitle(); shown != "" && shown != ds.head && !bd.seen[ds.head] {
		return shown
	}
	if ds.utcHour >= 0 && ds.head != ds.url && !bd.showsDay(ds.head) {
		if localDayOf(ds.head, ds.utcHour, ds.url) {
			return ds.url
		}
		if local, w := bd.bestLocal(); w > weightUpdated && localDayOf(ds.head, ds.utcHour, local) {
			return local
		}
	}
	return ds.head
}

// imageDay returns the day in the path of the page's share image.
func imageDay(h *headMeta) string {
	if d := dateFromURL(h.image); len(d) == dayLen {
		return d
	}
	return ""
}

// refine gives a month or year the day within it that the address, a
// <time>, the top of the text or the body gives.
func (bd bodyDates) refine(coarse string, ds dateSources) string {
	for _, d := range []string{ds.url, ds.time, ds.shown} {
		if refinesDate(coarse, d) && len(d) == dayLen {
			return d
		}
	}
	for _, c := range bd.cands {
		if refinesDate(coarse, c.date) && c.weight >= minPageDateWeight {
			return c.date
		}
	}
	return coarse
}
