package indexer

import "testing"

// Texts in scripts and languages the stop-word lists do not know, written
// for this test (a sentence or two on public policy each).
func TestDetectLanguageScripts(t *testing.T) {
	tests := []struct{ want, text string }{
		{"ru", "Правительство представило новый доклад о состоянии экономики страны. В докладе говорится, что рост цен замедлился, а безработица осталась на прежнем уровне. Министерство финансов планирует увеличить расходы на образование и здравоохранение в следующем году."},
		{"uk", "Уряд представив нову доповідь про стан економіки країни. У доповіді йдеться про те, що зростання цін сповільнилося, а безробіття залишилося на тому ж рівні. Міністерство фінансів планує збільшити видатки на освіту та охорону здоров'я наступного року."},
		{"ar", "قدمت الحكومة تقريرا جديدا عن حالة الاقتصاد في البلاد. ويشير التقرير إلى أن ارتفاع الأسعار قد تباطأ، وأن البطالة بقيت على حالها. وتخطط وزارة المالية لزيادة الإنفاق على التعليم والصحة في العام المقبل."},
		{"th", "รัฐบาลได้นำเสนอรายงานฉบับใหม่เกี่ยวกับสภาวะเศรษฐกิจของประเทศ รายงานระบุว่าการขึ้นราคาสินค้าชะลอตัวลง และอัตราการว่างงานยังคงอยู่ในระดับเดิม กระทรวงการคลังวางแผนที่จะเพิ่มงบประมาณด้านการศึกษาและสาธารณสุขในปีหน้า"},
		{"km", "រដ្ឋាភិបាលបានបង្ហាញរបាយការណ៍ថ្មីអំពីស្ថានភាពសេដ្ឋកិច្ចរបស់ប្រទេស។ របាយការណ៍បញ្ជាក់ថា ការកើនឡើងតម្លៃទំនិញបានថយចុះ។"},
		{"my", "အစိုးရသည် နိုင်ငံ၏ စီးပွားရေး အခြေအနေဆိုင်ရာ အစီရင်ခံစာအသစ်ကို တင်ပြခဲ့သည်။ ကုန်ဈေးနှုန်း မြင့်တက်မှု နှေးကွေးလာကြောင်း အစီရင်ခံစာတွင် ဖော်ပြထားသည်။"},
		{"hi", "सरकार ने देश की आर्थिक स्थिति पर एक नई रिपोर्ट पेश की है। रिपोर्ट में कहा गया है कि कीमतों में वृद्धि धीमी हो गई है और बेरोजगारी पहले के स्तर पर बनी हुई है। वित्त मंत्रालय अगले वर्ष शिक्षा और स्वास्थ्य पर खर्च बढ़ाने की योजना बना रहा है।"},
		{"he", "הממשלה הציגה דוח חדש על מצב הכלכלה במדינה. לפי הדוח, עליית המחירים הואטה והאבטלה נותרה ברמתה הקודמת. משרד האוצר מתכנן להגדיל את ההוצאה על חינוך ובריאות בשנה הבאה."},
		{"ja", "政府は国の経済状況に関する新しい報告書を発表した。報告書によると、物価の上昇は鈍化し、失業率は以前の水準にとどまっている。"},
		{"ko", "정부는 국가 경제 상황에 관한 새로운 보고서를 발표했다. 보고서에 따르면 물가 상승이 둔화되었고 실업률은 이전 수준을 유지했다."},
		{"pl", "Rząd przedstawił nowy raport o stanie gospodarki kraju. Według raportu wzrost cen wyhamował, a bezrobocie pozostało na dotychczasowym poziomie. Ministerstwo Finansów planuje zwiększyć wydatki na edukację i ochronę zdrowia w przyszłym roku."},
		{"en", "The government presented a new report on the state of the economy. It says that price rises have slowed and that unemployment has stayed at the level of last year."},
		{"es", "El gobierno presentó un nuevo informe sobre el estado de la economía del país. Según el informe, el alza de los precios se ha frenado y el desempleo se mantiene en el mismo nivel."},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%.40q...) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Russian text with English words and numbers in it stays Russian, and
// Croatian, which shares short words with Italian, is not Italian.
func TestDetectLanguageNotLatinLookalike(t *testing.T) {
	ru := "Доклад World Bank 2019 года (Report No. 12345-RU) показывает, что экономика России росла медленнее, чем ожидалось. Инфляция составила 4,5 процента, а доходы населения снизились."
	if got := DetectLanguage(ru); got != "ru" {
		t.Errorf("DetectLanguage(Russian with English words) = %q, want ru", got)
	}
	hr := "Vlada je predstavila novo izvješće o stanju gospodarstva u zemlji. Prema izvješću, rast cijena se usporio, a nezaposlenost je ostala na istoj razini kao i prošle godine. Ministarstvo financija planira povećati izdatke za obrazovanje i zdravstvo."
	if got := DetectLanguage(hr); got == "it" || got == "" {
		t.Errorf("DetectLanguage(Croatian) = %q, want a South Slavic language", got)
	}
}
