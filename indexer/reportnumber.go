package indexer

import (
	"regexp"
	"strings"
)

// Report numbers on covers: development banks and agencies number their
// reports with a running number and a country or region suffix ("Report
// No. 103433-JO", "Report No: 12345-BD", "Informe n.º 5678-PE"), longer
// than the four digits parseSeries takes for a number in a series.

var reReportNumber = regexp.MustCompile(`(?i)^(report|informe|rapport|bericht|relatório|relatorio)\s+(?:no|nr|nro|núm|num|number|número|numero|n\.?\s?[º°o])\.?\s*[:.]?\s*(\d{1,8})(?:\s*-\s*[A-Z]{2,4})?\.?$`)

// parseReportNumber reads a report-number line: the series ("Report", as
// the line names it, capitalised) and the number.
func parseReportNumber(line string) (string, int, bool) {
	m := reReportNumber.FindStringSubmatch(collapse(line))
	if m == nil {
		return "", 0, false
	}
	n := atoi(m[2])
	if n <= 0 {
		return "", 0, false
	}
	name := strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:])
	return name, n, true
}

// readReportNumber sets the series and number from a report-number line
// when no series line was read before it.
func readReportNumber(v *shownMeta, line string) {
	if v.Series != "" {
		return
	}
	if name, n, ok := parseReportNumber(line); ok {
		v.Series, v.Number = name, n
		v.metaLines[line] = true
	}
}
