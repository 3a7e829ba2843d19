package main

// Names for `briefs gen`: authors, series, publishers, countries and months,
// all written for this generator (see gen_words.go).

// givenNames and surnames make up the generated authors. Names that are
// also countries ("Jordan", "Chad", "Israel", "Holland") are left out.
const enGiven = `
James John Robert Michael David William Richard Thomas Charles Daniel Matthew
Anthony Mark Paul Steven Andrew Kevin Brian George Edward Peter Simon Martin
Tom Tim Ben Sam Alex Hannah Emma Olivia Sophie Laura Sarah Anna Julia Claire
Helen Rachel Rebecca Catherine Elizabeth Margaret Ruth Alice Jane Kate Lucy
Grace Amy Ellen Nadia Leila Amina Fatima Omar Hassan Ali Youssef Karim Samir
Rania Tariq Imran Ayesha Priya Ravi Anil Sunita Deepa Arjun Kwame Kofi Ama
Chidi Ngozi Emeka Amara Zainab Thandiwe Sipho Lindiwe Mei Wei Hui Jun Hiroshi
Yuki Kenji Aiko Minh Linh Thanh Somchai Niran Ploy Aung Thida Kyaw Ingrid Lars
Sven Astrid Pieter Joost Femke Sanne Anouk Bram Jan Hans Klaus Greta Lena
Jonas Pierre Marie Camille Lucien Hélène Élise François Luca Giulia Marco
Chiara Paolo Anja Tomasz Katarzyna Piotr Olga Irina Dmitri Nikolai Svetlana
`

const enSurnames = `
Smith Johnson Brown Taylor Wilson Davies Evans Roberts Walker Wright Robinson
Thompson White Hughes Edwards Green Hall Wood Harris Clarke Jackson Turner
Hill Moore Cooper Ward Morris King Baker Harrison Morgan Allen Young Scott
Mitchell Phillips Campbell Carter Parker Bennett Murphy Kelly Collins Stewart
Bell Murray Reid Fraser Ross Grant Hamilton Graham Kennedy Fischer Weber
Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Neumann Schwarz
Zimmermann Braun Hartmann Krüger Jansen Bakker Visser Smit Meijer Mulder Bos
Vos Peters Hendriks Dekker Kuipers Blom Bernard Dubois Durand Lefebvre Moreau
Laurent Michel Garnier Rousseau Fontaine Rossi Russo Ferrari Esposito Bianchi
Romano Ricci Marino Greco Conti Nowak Kowalski Wiśniewski Lewandowski Novak
Horvat Petrov Ivanov Sokolov Popescu Nagy Kovács Andersson Johansson Nilsson
Larsson Hansen Nielsen Jensen Pedersen Olsen Berg Haugen Lindqvist Mensah
Owusu Boateng Okafor Adeyemi Okonkwo Nwosu Mwangi Otieno Kamau Banda Phiri
Dlamini Nkosi Khumalo Ndlovu Haddad Khalil Mansour Saleh Rahman Hussain Ahmed
Karimi Hosseini Sharma Patel Gupta Singh Rao Iyer Nair Mehta Das Bose Chen
Wang Zhang Liu Yang Huang Zhao Nguyen Tran Pham Hoang Tanaka Suzuki Sato
Watanabe Yamamoto Kim Park Choi Jung Chaiyaporn Srisuk Wongsa Thein Htun
`

// enParticleSurnames carry a lower-case particle.
var enParticleSurnames = []string{"de Vries", "van Dijk", "de Boer", "van der Berg", "ter Horst", "van Leeuwen"}

const esGiven = `
José Juan Luis Carlos Jorge Manuel Pedro Miguel Antonio Francisco Javier
Alejandro Andrés Diego Fernando Ricardo Eduardo Raúl Óscar Sergio Rafael
Ramón Gustavo Hernán Joaquín Iñaki Julián Tomás Gonzalo Álvaro María Ana
Lucía Carmen Isabel Rosa Teresa Patricia Marta Elena Sofía Valentina Camila
Daniela Gabriela Mariana Verónica Beatriz Pilar Inés Mónica Natalia Adriana
Ximena Begoña Ainhoa Nuria Renata Paula Florencia
`

var esCompoundGiven = []string{"José Luis", "María José", "Juan Pablo", "Ana María", "Luis Fernando", "María Elena"}

const esSurnames = `
García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez
Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Alonso Gutiérrez
Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Suárez
Molina Morales Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias
Medina Garrido Cortés Castillo Lozano Cano Prieto Méndez Cruz Calvo Gallego
Vidal Herrera Márquez Peña Flores Cabrera Campos Vega Fuentes Carrasco
Caballero Reyes Nieto Aguilar Pascual Herrero Montero Ibáñez Giménez Ferrer
Durán Benítez Mora Vargas Arias Carmona Crespo Pastor Soto Sáez Velasco
Moya Soler Parra Esteban Bravo Gallardo Rojas Quispe Mamani Condori Huamán
Choque Ñáñez Córdoba Zúñiga Echeverría Villalobos Cárdenas Salazar Espinoza
Mejía Restrepo Londoño Ospina Quintero Arango Cifuentes Bermúdez Sepúlveda
Alarcón Figueroa Contreras Tapia Araya Pizarro Maldonado Ochoa Gaitán
Bolaños Peñaloza Irigoyen Urrutia Goicoechea
`

// genSeries are the publication series: name, language and publisher
// (an index into genPublishers). Their kinds follow the extractor's rule:
// "Briefing", "Brief", "Note", "Memo", "Informe" make briefings, "Paper",
// "Report", "Studies", "Documento" papers, anything else a document.
var genSeries = []struct {
	Name, Lang string
	Publisher  int
}{
	{"Drug Policy Briefing", "en", 0},
	{"Debate Papers", "en", 0},
	{"Policy Briefing", "en", 1},
	{"Legislative Reform Series", "en", 0},
	{"Drugs and Conflict Debate Papers", "en", 0},
	{"Harm Reduction Report", "en", 2},
	{"Human Rights Briefing Paper", "en", 2},
	{"Working Papers", "en", 3},
	{"Issue Brief", "en", 4},
	{"Country Report", "en", 1},
	{"Policy Brief", "en", 3},
	{"Occasional Papers", "en", 3},
	{"Discussion Paper", "en", 4},
	{"Research Report", "en", 1},
	{"Transnational Policy Briefing", "en", 0},
	{"Development Studies", "en", 5},
	{"Agrarian Justice Briefing", "en", 5},
	{"Health Policy Brief", "en", 2},
	{"Conflict Watch Report", "en", 4},
	{"Land and Water Papers", "en", 5},
	{"Trade Policy Briefing", "en", 1},
	{"Security Sector Report", "en", 4},
	{"Migration Policy Brief", "en", 3},
	{"Climate Justice Papers", "en", 5},
	{"Urban Governance Bulletin", "en", 3},
	{"Evidence Review Series", "en", 2},
	{"Prison Reform Briefing", "en", 2},
	{"Statistical Bulletin", "en", 1},
	{"Informe sobre Políticas de Drogas", "es", 6},
	{"Documentos de Debate", "es", 6},
	{"Documento de Trabajo", "es", 7},
	{"Serie Reforma Legislativa", "es", 6},
	{"Boletín de Políticas Públicas", "es", 7},
	{"Cuadernos de Desarrollo Rural", "es", 7},
	{"Informe Regional", "es", 6},
	{"Informes de Coyuntura", "es", 7},
	{"Serie Derechos Humanos", "es", 6},
	{"Boletín sobre Seguridad Ciudadana", "es", 7},
	{"Informe de Investigación", "es", 7},
	{"Documentos de Política", "es", 6},
}

// genPublishers are the invented institutes publishing the series, with
// their site's host name.
var genPublishers = []struct{ Name, Host string }{
	{"Transnational Policy Institute", "tpi.example.org"},
	{"Centre for Drug Policy Studies", "cdps.example.org"},
	{"Health and Rights Network", "hrn.example.org"},
	{"Institute for Social Research", "isr.example.org"},
	{"Security and Development Forum", "sdf.example.org"},
	{"Agrarian Futures Collective", "agrarian.example.org"},
	{"Observatorio de Políticas Públicas", "opp.example.org"},
	{"Centro de Estudios Sociales y Rurales", "cesr.example.org"},
}

// genCountries are the countries documents are about, most written about
// first: the canonical English name (as indexer.CountryName gives it) and
// the Spanish name.
var genCountries = [][2]string{
	{"Colombia", "Colombia"}, {"Mexico", "México"}, {"Afghanistan", "Afganistán"},
	{"Bolivia", "Bolivia"}, {"Peru", "Perú"}, {"Myanmar", "Myanmar"},
	{"United States", "Estados Unidos"}, {"Netherlands", "Países Bajos"},
	{"Thailand", "Tailandia"}, {"Brazil", "Brasil"}, {"Uruguay", "Uruguay"},
	{"Portugal", "Portugal"}, {"Canada", "Canadá"}, {"Ecuador", "Ecuador"},
	{"Laos", "Laos"}, {"Philippines", "Filipinas"}, {"Guatemala", "Guatemala"},
	{"Honduras", "Honduras"}, {"Morocco", "Marruecos"}, {"Iran", "Irán"},
	{"Pakistan", "Pakistán"}, {"India", "India"}, {"China", "China"},
	{"Vietnam", "Vietnam"}, {"Cambodia", "Camboya"}, {"Indonesia", "Indonesia"},
	{"Malaysia", "Malasia"}, {"Switzerland", "Suiza"}, {"Spain", "España"},
	{"Germany", "Alemania"}, {"United Kingdom", "Reino Unido"}, {"France", "Francia"},
	{"Italy", "Italia"}, {"Russia", "Rusia"}, {"Ukraine", "Ucrania"},
	{"Tajikistan", "Tayikistán"}, {"Kyrgyzstan", "Kirguistán"}, {"Nigeria", "Nigeria"},
	{"Ghana", "Ghana"}, {"Kenya", "Kenia"}, {"South Africa", "Sudáfrica"},
	{"Guinea-Bissau", "Guinea-Bisáu"}, {"Senegal", "Senegal"}, {"Ethiopia", "Etiopía"},
	{"Egypt", "Egipto"}, {"Lebanon", "Líbano"}, {"Turkey", "Turquía"},
	{"Jamaica", "Jamaica"}, {"Dominican Republic", "República Dominicana"},
	{"Panama", "Panamá"}, {"Costa Rica", "Costa Rica"}, {"El Salvador", "El Salvador"},
	{"Nicaragua", "Nicaragua"}, {"Paraguay", "Paraguay"}, {"Argentina", "Argentina"},
	{"Chile", "Chile"}, {"Venezuela", "Venezuela"}, {"Australia", "Australia"},
	{"Nepal", "Nepal"}, {"Bangladesh", "Bangladés"}, {"Côte d'Ivoire", "Costa de Marfil"},
}

// enMonths and esMonths write datelines.
var enMonths = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}
var esMonths = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// enCountryThe are the countries English names with "the"; esCountryArticle
// gives the article Spanish uses.
var enCountryThe = map[string]bool{"United States": true, "United Kingdom": true, "Netherlands": true,
	"Philippines": true, "Dominican Republic": true}
var esCountryArticle = map[string]string{"Países Bajos": "los ", "Reino Unido": "el ",
	"República Dominicana": "la "}
