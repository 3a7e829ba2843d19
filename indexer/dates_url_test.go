package indexer

import "testing"

// Addresses that write the day first or name the month; TestDateFromURL in
// meta_test.go has the numeric year-first forms.
func TestDateFromURLForms(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"https://example.org/media-news/meldungen/29-10-2021", "2021-10-29"},
		{"https://example.org/de/newsroom/23-01-2022-wierer-darf-jubeln/17-378.html", "2022-01-23"},
		{"https://example.org/news/rathaus-14.03.2019.html", "2019-03-14"},
		{"https://example.org/education/2020/oct/02/student-halls", "2020-10-02"},
		{"https://example.org/world/2019/March/4/slug", "2019-03-04"},
		{"https://example.org/news/31-02-2021", ""},       // no 31 February
		{"https://example.org/item/12-34-2021", ""},       // no month 34
		{"https://example.org/2020/apps/02/slug", ""},     // not a month's name
		{"https://example.org/v/1-12-2021/more", ""},      // one digit: not a date we trust
		{"https://example.org/products/0123-45-2021", ""}, // digits run on
		{"https://example.org/2020/oct/02/x?d=29-10-2021", "2020-10-02"},
	} {
		if got := dateFromURL(tt.url); got != tt.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
