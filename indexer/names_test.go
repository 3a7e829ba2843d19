package indexer

import "testing"

// TestParseName pins the split of names from many naming traditions; the
// names are made up or public figures' names, written by us.
func TestParseName(t *testing.T) {
	tests := []struct {
		in                   string
		given, family, sufix string
	}{
		// Spanish: two family names.
		{"Mónica Quispe Huamán", "Mónica", "Quispe Huamán", ""},
		{"Rafael Ñáñez Córdoba", "Rafael", "Ñáñez Córdoba", ""},
		{"Lucía Mamani Choque", "Lucía", "Mamani Choque", ""},
		{"Gabriel García Márquez", "Gabriel", "García Márquez", ""},
		{"Evo Morales Ayma", "Evo", "Morales Ayma", ""},
		{"Juan Carlos Ruiz García", "Juan Carlos", "Ruiz García", ""},
		{"María José Pérez", "María José", "Pérez", ""},
		{"Luis Alberto Moreno", "Luis Alberto", "Moreno", ""},
		{"José Ortega y Gasset", "José", "Ortega y Gasset", ""},
		{"José de San Martín", "José", "de San Martín", ""},
		{"Pedro Ruiz", "Pedro", "Ruiz", ""},
		{"Ricardo Soberón", "Ricardo", "Soberón", ""},
		// Portuguese: the last family name, with its particle.
		{"Fernando Henrique Cardoso", "Fernando Henrique", "Cardoso", ""},
		{"Luiz Inácio Lula da Silva", "Luiz Inácio Lula", "da Silva", ""},
		{"Maria da Conceição Tavares", "Maria da Conceição", "Tavares", ""},
		// Particles.
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven", ""},
		{"Ursula von der Leyen", "Ursula", "von der Leyen", ""},
		{"Charles de Gaulle", "Charles", "de Gaulle", ""},
		{"Leonardo Di Caprio", "Leonardo", "Di Caprio", ""},
		{"Marine Le Pen", "Marine", "Le Pen", ""},
		{"Osama bin Laden", "Osama", "bin Laden", ""},
		{"Mohammed bin Rashid Al Maktoum", "Mohammed bin Rashid", "Al Maktoum", ""},
		{"Abdullah al-Mamun", "Abdullah", "al-Mamun", ""},
		// Vietnamese: family first.
		{"Nguyen Thi Mai", "Thi Mai", "Nguyen", ""},
		{"Nguyễn Văn Thiệu", "Văn Thiệu", "Nguyễn", ""},
		{"Tran Duc Luong", "Duc Luong", "Tran", ""},
		{"Le Duc Tho", "Duc Tho", "Le", ""},
		// Burmese: no family name, cited whole.
		{"Kyaw Zin Htun", "", "Kyaw Zin Htun", ""},
		{"Aung San Suu Kyi", "", "Aung San Suu Kyi", ""},
		{"Min Aung Hlaing", "", "Min Aung Hlaing", ""},
		{"Thein Sein", "", "Thein Sein", ""},
		// Chinese, Korean, Japanese.
		{"Xi Jinping", "Jinping", "Xi", ""},
		{"Deng Xiaoping", "Xiaoping", "Deng", ""},
		{"Kim Jong-un", "Jong-un", "Kim", ""},
		{"Park Chung-hee", "Chung-hee", "Park", ""},
		{"Wei Zhang", "Wei", "Zhang", ""},
		{"Tanaka Hiroshi", "Hiroshi", "Tanaka", ""},
		{"Hiroshi Tanaka", "Hiroshi", "Tanaka", ""},
		{"张伟", "伟", "张", ""},
		{"欧阳修", "修", "欧阳", ""},
		{"김정은", "정은", "김", ""},
		{"田中 宏", "宏", "田中", ""},
		// Western names that must not be taken for the above.
		{"Lee Harvey Oswald", "Lee Harvey", "Oswald", ""},
		{"Lee Carter", "Lee", "Carter", ""},
		{"Laura Ingalls Wilder", "Laura Ingalls", "Wilder", ""},
		{"Hannah Lindqvist", "Hannah", "Lindqvist", ""},
		{"Jean-Paul Sartre", "Jean-Paul", "Sartre", ""},
		{"Siddharth Rao", "Siddharth", "Rao", ""},
		{"Prayut Chan-o-cha", "Prayut", "Chan-o-cha", ""},
		{"Martin Jelsma", "Martin", "Jelsma", ""},
		// Suffixes, inverted forms, capitals, mononyms.
		{"Martin Luther King Jr.", "Martin Luther", "King", "Jr."},
		{"King, Martin Luther, Jr.", "Martin Luther", "King", "Jr."},
		{"Quispe Huamán, Mónica", "Mónica", "Quispe Huamán", ""},
		{"QUISPE HUAMÁN Mónica", "Mónica", "Quispe Huamán", ""},
		{"Sukarno", "", "Sukarno", ""},
		{"  Ana   Torres ", "Ana", "Torres", ""},
	}
	for _, tt := range tests {
		got := ParseName(tt.in)
		got.FamilyFirst = false // pinned below
		want := Name{Given: tt.given, Family: tt.family, Suffix: tt.sufix}
		if got != want {
			t.Errorf("ParseName(%q) = %+v, want %+v", tt.in, got, want)
		}
	}
}

func TestParseNameFamilyFirst(t *testing.T) {
	for in, want := range map[string]bool{
		"Nguyen Thi Mai": true, "Xi Jinping": true, "张伟": true, "田中 宏": true, "Kim Jong-un": true,
		"Mónica Quispe Huamán": false, "Kyaw Zin Htun": false, "QUISPE HUAMÁN Mónica": false,
		"Hiroshi Tanaka": false, "Nguyen, Thi Mai": false,
	} {
		if got := ParseName(in).FamilyFirst; got != want {
			t.Errorf("ParseName(%q).FamilyFirst = %v, want %v", in, got, want)
		}
	}
}

func TestNameWithFamily(t *testing.T) {
	tests := []struct {
		full, family  string
		given, wantFm string
	}{
		{"Mónica Quispe Huamán", "Quispe Huamán", "Mónica", "Quispe Huamán"},
		{"Thi Mai Nguyen", "Nguyen", "Thi Mai", "Nguyen"},
		{"Nguyen Thi Mai", "Nguyen", "Thi Mai", "Nguyen"},
		{"Ana María Sánchez", "Sánchez", "Ana María", "Sánchez"},
		{"Kyaw Zin Htun", "Kyaw Zin Htun", "", "Kyaw Zin Htun"},
		{"Pedro Ruiz", "", "Pedro", "Ruiz"},
		{"Pedro Ruiz", "Gómez", "Pedro", "Ruiz"}, // not part of the name: inferred
	}
	for _, tt := range tests {
		got := NameWithFamily(tt.full, tt.family)
		if got.Given != tt.given || got.Family != tt.wantFm {
			t.Errorf("NameWithFamily(%q, %q) = %+v, want given %q family %q", tt.full, tt.family, got, tt.given, tt.wantFm)
		}
	}
}
