package indexer

import "testing"

func TestJSONLDAnyTypeDate(t *testing.T) {
	body := `<h1>Page</h1>` + para
	runPageDates(t, []pageDateCase{
		{"a HowTo's datePublished, with milliseconds after a colon",
			`<script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"Sew a round tablecloth","author":{"@type":"Person","name":"robert"},"datePublished":"2022-01-10T12:06:08:684Z"}</script>`,
			body, "2022-01-10"},
		{"a Recipe's dateCreated",
			`<script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"Recipe","name":"Plum cake","dateCreated":"2021-09-04"}]</script>`,
			body, "2021-09-04"},
		{"an article's day is not replaced by another node's",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget vote","datePublished":"2023-03-01T10:00:00+01:00"}</script>` +
				`<script type="application/ld+json">{"@type":"VideoObject","name":"Budget vote video","uploadDate":"2023-03-02","datePublished":"2023-03-02"}</script>`,
			body, "2023-03-01"},
		{"an event's start is no publication day",
			`<script type="application/ld+json">{"@type":"Event","name":"Open day","startDate":"2023-06-10"}</script>`,
			body, ""},
	})
}
