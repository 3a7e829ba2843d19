package indexer

import (
	"fmt"
	"math/rand"
	"os"
	"testing"
	"time"
)

func TestZZStress(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	good, _ := os.ReadFile("testdata/pdf/briefing-en.pdf")
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		data := append([]byte(nil), good...)
		switch i % 4 {
		case 0:
			for k := 0; k < 1+rng.Intn(5); k++ {
				data[rng.Intn(len(data))] = byte(rng.Intn(256))
			}
		case 1:
			p := rng.Intn(len(data))
			data = append(data[:p:p], data[p+rng.Intn(len(data)-p):]...)
		case 2:
			p := rng.Intn(len(data))
			ins := []byte(fmt.Sprint(rng.Intn(100000)))
			data = append(data[:p:p], append(ins, data[p:]...)...)
		case 3:
			p := rng.Intn(len(data))
			q := rng.Intn(len(data))
			n := rng.Intn(200)
			if q+n < len(data) {
				data = append(data[:p:p], append(append([]byte(nil), data[q:q+n]...), data[p:]...)...)
			}
		}
		t0 := time.Now()
		_, err := extractPDF("x.pdf", data, Options{})
		if d := time.Since(t0); d > 500*time.Millisecond {
			fmt.Println("slow", i, d, err)
			os.WriteFile(fmt.Sprintf("/tmp/slow%d.pdf", i), data, 0644)
		}
	}
}

func TestZZShow(t *testing.T) {
	f := os.Getenv("SHOW")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	rec, err := extractPDF(f, data, Options{})
	fmt.Printf("err=%v title=%q authors=%q date=%q series=%q/%d lang=%s countries=%v kw=%v note=%q\nabstract=%q\n", err, rec.Title, rec.Authors, rec.Date, rec.Series, rec.Number, rec.Language, rec.Countries, rec.Keywords, rec.Note, rec.Abstract)
	for i, p := range rec.Paragraphs {
		if i > 40 {
			break
		}
		fmt.Printf("[%d] %.300s\n", rec.Pages[i], p)
	}
}

func TestZZBatch(t *testing.T) {
	dir := os.Getenv("BATCH")
	if dir == "" {
		t.Skip()
	}
	ents, _ := os.ReadDir(dir)
	var total time.Duration
	files, fails, chars := 0, 0, 0
	for _, e := range ents {
		if len(e.Name()) < 5 || e.Name()[len(e.Name())-4:] != ".pdf" {
			continue
		}
		data, _ := os.ReadFile(dir + "/" + e.Name())
		t0 := time.Now()
		rec, err := extractPDF(e.Name(), data, Options{})
		total += time.Since(t0)
		files++
		if err != nil {
			fails++
			fmt.Println(e.Name(), err)
		}
		chars += len(rec.Text())
	}
	fmt.Println("files", files, "fails", fails, "time", total, "chars", chars)
}
