package main

// Vocabulary for `briefs gen`: word lists, names, series and countries, all
// written for this generator. Lists are in rough order of frequency: the
// generator draws from them with Zipfian weights by position, so the first
// words are the common ones, as in real text.
//
// Every content word is checked by gen_test.go against the extractor's
// country rule, so that no country is ever found where the generator did
// not put one: no "Turkey", "Chile", "Polish", "Jersey", "Reunion", and no
// Spanish demonyms ("peruanos", "españolas"), which count in lower case.

// enFunction are English function words, most frequent first.
const enFunction = `
the of and to in a is that for on as with by are be this was it from at or
which not have has an their its but been more than were also these other they
can would will such between into most all over under about only through who
after while both many some where when those there them what could should may
must because however within without during each including against among any
though how very since same further up out well even so much few less least
often still already yet rather whether either neither nor upon whose whom
here then thus hence therefore although unless until before above below
across along around behind beyond despite toward towards via per every another
`

// enNouns are countable nouns; the generator adds their plurals.
const enNouns = `
policy government country market farmer crop law reform programme project
community region state agency court prison sentence offence offender user
consumer producer trafficker cartel group organisation network ministry
minister official officer police army soldier border route port city village
province district municipality town area territory zone field plantation
hectare harvest plant leaf seed substance drug medicine treatment service
clinic hospital doctor nurse patient worker family household child woman man
student teacher school university study report survey estimate figure number
rate level share percentage trend increase decrease decline rise fall change
shift pattern factor cause effect impact outcome result consequence response
approach strategy plan framework model system mechanism process procedure
instrument tool measure indicator target goal objective priority principle
right obligation duty convention treaty protocol agreement declaration
resolution commitment standard guideline rule regulation provision article
clause amendment bill decree act statute code budget fund grant loan debt tax
price cost income wage revenue profit investment expenditure resource asset
payment subsidy incentive sanction penalty fine arrest seizure raid operation
campaign crackdown eradication alternative option choice scenario debate
discussion dispute conflict war ceasefire negotiation dialogue talk meeting
session conference summit forum assembly council commission committee panel
board body institution authority regime administration party parliament
election vote voter candidate leader president director coordinator researcher
expert analyst scholar author activist advocate lawyer judge prosecutor
defender witness victim survivor migrant refugee peasant grower labourer
trader dealer courier smuggler buyer seller supplier importer exporter company
firm corporation industry sector business enterprise cooperative association
union movement coalition alliance platform initiative mission delegation donor
partner ally neighbour member stakeholder actor player citizen resident
minority majority generation decade year month week day century period phase
stage step moment era cycle season wave round term mandate deadline
timetable schedule calendar record archive document paper brief note memo
letter statement speech interview testimony hearing trial case charge verdict
appeal ruling judgment decision order warrant permit licence certificate
registration quota ceiling threshold limit boundary frontier corridor highway
road river valley mountain hill forest jungle coast island lake basin plateau
landscape ecosystem species crop yield acre farm estate ranch mine well
pipeline factory laboratory warehouse shop store pharmacy kiosk stall
neighbourhood slum settlement camp shelter home house building street square
market centre capital hub node link chain supply demand flow stock shipment
cargo container vessel boat truck aircraft plane helicopter drone weapon
firearm gun bullet checkpoint patrol unit battalion brigade militia guerrilla
faction rebel insurgent paramilitary gang syndicate mafia clan tribe nation
people culture tradition custom ritual belief value identity language religion
church mosque temple ceremony festival practice habit behaviour attitude
perception opinion view perspective argument claim assumption hypothesis
theory concept idea notion term definition category class type form kind
variety dimension aspect feature element component part piece section chapter
paragraph page table chart graph map source reference citation footnote
appendix annex summary conclusion recommendation lesson finding observation
example instance illustration comparison contrast difference similarity
distinction relationship connection interaction cooperation coordination
integration partnership collaboration competition rivalry tension crisis
emergency disaster epidemic outbreak infection disease illness condition
symptom diagnosis therapy prescription dose injection syringe needle overdose
death mortality morbidity risk harm damage injury wound loss gain benefit
advantage opportunity challenge problem issue question concern difficulty
obstacle barrier constraint gap weakness strength capacity ability skill
competence knowledge experience expertise evidence data information statistic
measurement method methodology technique analysis assessment evaluation review
audit inspection monitoring observatory database register inventory census
sample respondent participant informant interviewee household focus village
cooperative school clinic institute foundation charity movement campaign
petition protest demonstration march strike boycott blockade occupation
eviction displacement relocation resettlement return migration flight exile
detention custody imprisonment incarceration confinement punishment execution
pardon amnesty release parole probation diversion alternative rehabilitation
recovery reintegration prevention education awareness outreach counselling
support assistance aid relief welfare benefit pension insurance scheme
mechanism safeguard guarantee protection freedom liberty dignity equality
justice fairness legitimacy accountability transparency corruption bribe
scandal abuse violation breach failure success achievement progress advance
improvement development growth expansion reduction cut saving deficit surplus
balance account bank transaction transfer remittance currency economy
livelihood poverty inequality exclusion marginalisation discrimination stigma
prejudice stereotype bias myth narrative story account history memory legacy
heritage future vision agenda manifesto roadmap blueprint pathway trajectory
direction course path track horizon landscape context environment setting
situation circumstance condition position role function task responsibility
burden cost expense fee charge levy tariff duty quota licence concession
contract tender procurement purchase sale trade export import commodity good
product item material chemical precursor reagent solvent fertiliser pesticide
herbicide fungicide glyphosate residue soil water watershed rainfall drought
flood fire erosion deforestation pollution emission carbon climate temperature
weather harvest planting cultivation hectare plot parcel garden orchard nursery
seedling sapling tree bush shrub stem root flower pod latex resin paste base
powder pill tablet capsule tincture extract derivative compound molecule
receptor brain body mind health wellbeing
`

// enMass are uncountable nouns (no plural).
const enMass = `
cocaine heroin opium cannabis coca poppy methamphetamine fentanyl morphine
methadone buprenorphine naloxone alcohol tobacco kratom ayahuasca khat
violence crime security safety health justice poverty inequality corruption
impunity research evidence knowledge information advice guidance funding aid
trade commerce agriculture land water food energy infrastructure transport
equipment technology software legislation regulation enforcement repression
prohibition legalisation decriminalisation regulation control supervision
oversight governance leadership management planning coordination cooperation
investment finance money capital credit debt labour employment unemployment
work training education literacy housing sanitation nutrition hunger
malnutrition welfare protection participation representation inclusion
exclusion discrimination stigma marginalisation displacement migration
trafficking smuggling laundering extortion kidnapping homicide torture
detention incarceration treatment care prevention recovery rehabilitation
harm reduction stability peace conflict unrest insecurity mistrust trust
consent awareness consensus support opposition resistance pressure influence
power authority sovereignty autonomy jurisdiction legitimacy accountability
transparency integrity quality quantity availability access affordability
demand supply production consumption use abuse dependence addiction tolerance
misuse diversion cultivation processing distribution retail wholesale
transit export import policy reform change progress growth decline
`

// enAdjectives are English adjectives.
const enAdjectives = `
national international local regional global rural urban social economic
political legal illegal illicit licit criminal civil public private official
informal formal federal municipal provincial central national domestic
foreign external internal new old recent current previous former future
early late long short high low large small major minor main key important
significant serious severe heavy light strong weak effective ineffective
efficient successful unsuccessful positive negative different similar
various several numerous limited broad wide narrow general specific
particular special common rare frequent occasional regular permanent
temporary traditional modern contemporary historical cultural religious
ethnic indigenous environmental ecological agricultural industrial commercial
financial fiscal monetary administrative judicial legislative executive
constitutional democratic authoritarian military armed violent peaceful
humanitarian medical therapeutic clinical scientific academic technical
practical theoretical empirical statistical quantitative qualitative
comparative systematic comprehensive integrated coherent consistent
proportionate disproportionate excessive moderate minimal maximum minimum
mandatory voluntary compulsory coercive punitive repressive harsh lenient
progressive conservative liberal radical pragmatic realistic ambitious modest
sustainable viable feasible possible impossible likely unlikely certain
uncertain clear unclear evident obvious apparent direct indirect immediate
gradual rapid slow sudden steady stable unstable volatile fragile vulnerable
poor rich wealthy affluent marginal remote isolated accessible available
affordable expensive cheap costly profitable lucrative legitimate fair unfair
equal unequal just unjust transparent accountable responsible independent
dependent autonomous sovereign multilateral bilateral unilateral collective
individual personal human natural artificial synthetic chemical organic
young elderly adult female male vulnerable marginalised excluded affected
concerned involved relevant appropriate adequate inadequate sufficient
insufficient essential necessary crucial critical central fundamental basic
primary secondary additional alternative complementary parallel joint shared
common mutual reciprocal strategic tactical operational institutional
structural systemic widespread pervasive persistent chronic acute
problematic controversial contested sensitive difficult complex simple
straightforward ambiguous vague explicit implicit formal annual monthly weekly
daily quarterly seasonal periodic initial final overall total net gross
average typical median relative absolute
`

// enVerbs are English verb forms, each verb in several forms.
const enVerbs = `
reduce reduces reduced reducing increase increases increased increasing
address addresses addressed addressing support supports supported supporting
implement implements implemented implementing develop develops developed
developing provide provides provided providing promote promotes promoted
promoting protect protects protected protecting prevent prevents prevented
preventing ensure ensures ensured ensuring establish establishes established
establishing improve improves improved improving strengthen strengthens
strengthened strengthening undermine undermines undermined undermining
challenge challenges challenged challenging argue argues argued arguing
suggest suggests suggested suggesting show shows showed shown showing
examine examines examined examining analyse analyses analysed analysing
assess assesses assessed assessing describe describes described describing
explain explains explained explaining highlight highlights highlighted
highlighting identify identifies identified identifying recommend recommends
recommended recommending propose proposes proposed proposing adopt adopts
adopted adopting approve approves approved approving reject rejects rejected
rejecting introduce introduces introduced introducing replace replaces
replaced replacing remove removes removed removing allow allows allowed
allowing require requires required requiring prohibit prohibits prohibited
prohibiting regulate regulates regulated regulating control controls
controlled controlling enforce enforces enforced enforcing punish punishes
punished punishing arrest arrests arrested arresting detain detains detained
detaining release releases released releasing convict convicts convicted
convicting sentence sentenced sentencing target targets targeted targeting
eradicate eradicates eradicated eradicating destroy destroys destroyed
destroying produce produces produced producing cultivate cultivates cultivated
cultivating grow grows grew grown growing harvest harvested harvesting sell
sells sold selling buy buys bought buying transport transports transported
transporting export exports exported exporting import imports imported
importing finance finances financed financing fund funds funded funding invest
invests invested investing spend spends spent spending cost costs costing
benefit benefits benefited benefiting affect affects affected affecting
influence influences influenced influencing shape shapes shaped shaping
change changes changed changing shift shifts shifted shifting move moves moved
moving remain remains remained remaining continue continues continued
continuing become becomes became becoming emerge emerges emerged emerging
expand expands expanded expanding spread spreads spreading decline declines
declined declining fail fails failed failing succeed succeeds succeeded
succeeding achieve achieves achieved achieving meet meets met meeting respond
responds responded responding react reacts reacted reacting negotiate
negotiates negotiated negotiating agree agrees agreed agreeing sign signs
signed signing ratify ratifies ratified ratifying comply complies complied
complying violate violates violated violating respect respects respected
respecting recognise recognises recognised recognising acknowledge
acknowledges acknowledged acknowledging consider considers considered
considering review reviews reviewed reviewing evaluate evaluates evaluated
evaluating monitor monitors monitored monitoring measure measures measured
measuring estimate estimates estimated estimating report reports reported
reporting document documents documented documenting record records recorded
recording publish publishes published publishing call calls called calling
urge urges urged urging demand demands demanded demanding warn warns warned
warning fear fears feared fearing face faces faced facing suffer suffers
suffered suffering lose loses lost losing gain gains gained gaining depend
depends depended depending rely relies relied relying involve involves
involved involving include includes included including exclude excludes
excluded excluding treat treats treated treating care cared caring serve
serves served serving reach reaches reached reaching deliver delivers
delivered delivering offer offers offered offering receive receives received
receiving access accessed accessing manage manages managed managing lead leads
led leading govern governs governed governing decide decides decided deciding
choose chooses chose chosen choosing
`

// enAdverbs are English adverbs.
const enAdverbs = `
also however particularly especially largely mainly mostly partly widely
increasingly significantly substantially considerably dramatically sharply
rapidly slowly gradually steadily recently currently previously initially
eventually finally ultimately effectively efficiently successfully directly
indirectly formally informally officially legally illegally publicly
privately openly clearly explicitly implicitly broadly generally typically
usually frequently rarely often seldom sometimes always never nearly almost
roughly approximately precisely exactly only merely simply barely hardly
relatively comparatively fairly quite rather somewhat highly deeply strongly
firmly heavily seriously severely
`

// enCollocations are common two- and three-word phrases: they make the
// text read like policy writing and give phrase queries something to find.
var enCollocations = []string{
	"drug policy", "harm reduction", "human rights", "alternative development",
	"coca leaf", "opium poppy", "forced eradication", "crop substitution",
	"law enforcement", "criminal justice", "public health", "drug trafficking",
	"organised crime", "mass incarceration", "pretrial detention", "compulsory treatment",
	"drug control", "single convention", "civil society", "rural development",
	"land rights", "indigenous peoples", "supply reduction", "demand reduction",
	"illicit markets", "cannabis regulation", "legal market", "medical cannabis",
	"aerial spraying", "peace agreement", "small farmers", "prison overcrowding",
	"death penalty", "proportional sentencing", "needle exchange", "opioid substitution therapy",
	"overdose deaths", "security forces", "armed groups", "border control",
	"money laundering", "development aid", "food security", "climate change",
	"land grabbing", "water rights", "informal economy", "extrajudicial killings",
	"police violence", "women in prison", "access to medicines", "essential medicines",
	"international cooperation", "policy reform", "evidence base", "national strategy",
	"local authorities", "voluntary treatment", "social services", "income support",
	"drug markets", "drug users", "people who use drugs", "traditional use",
	"sustainable livelihoods", "conflict zones", "transit countries", "producer countries",
}

// enHeadings are section headings of a briefing.
var enHeadings = []string{
	"Introduction", "Background", "Key points", "Conclusions", "Recommendations",
	"The current situation", "A short history", "Policy options", "What the evidence shows",
	"Lessons learned", "The way forward", "Methodology", "Main findings", "Context",
	"Implications for policy", "Costs and benefits", "The legal framework", "Conclusion",
}

// esFunction are Spanish function words, most frequent first.
const esFunction = `
de la que el en y a los se del las un por con no una su para es al lo como
más o pero sus le ha si sin sobre este ya entre cuando todo esta ser son dos
también fue había era muy hasta desde está porque sólo han hay vez puede todos
así ni parte tiene donde bien mismo ese ahora cada e otro después otros aunque
esa eso hace otra tan durante siempre tanto tres según menos mientras sino
estos estas dichos dicha cual cuales quienes cuyo cuya ante bajo tras hacia
contra mediante
`

// esContent are Spanish content words in mixed forms.
const esContent = `
política políticas drogas droga gobierno gobiernos reforma reformas ley leyes
mercado mercados cultivo cultivos campesino campesinos campesinas coca hoja
hojas erradicación desarrollo programa programas comunidad comunidades región
regiones estado tribunal tribunales cárcel cárceles prisión pena penas delito
delitos usuario usuarios consumidor consumidores productor productores
traficante traficantes organización organizaciones red redes ministerio
ministro policía ejército frontera fronteras ruta rutas puerto ciudad ciudades
pueblo pueblos provincia municipio zona zonas territorio territorios
plantación hectárea hectáreas cosecha planta plantas semilla sustancia
sustancias medicamento medicamentos tratamiento tratamientos servicio
servicios clínica hospital médico médicos paciente pacientes trabajador
trabajadores familia familias hogar hogares niño niños mujer mujeres hombre
hombres jóvenes estudio estudios informe informes encuesta estimación cifra
cifras tasa nivel niveles tendencia aumento disminución cambio cambios factor
causa efecto efectos impacto resultado resultados consecuencia respuesta
enfoque estrategia estrategias plan marco modelo sistema mecanismo proceso
instrumento medida medidas indicador objetivo prioridad principio derecho
derechos obligación convención tratado acuerdo acuerdos declaración
resolución compromiso norma normas reglamento artículo decreto presupuesto
fondo fondos impuesto precio precios costo costos ingreso ingresos salario
inversión gasto recurso recursos pago subsidio sanción multa detención
detenciones incautación operativo campaña alternativa opción debate conflicto
guerra paz diálogo reunión conferencia foro asamblea consejo comisión
institución instituciones autoridad autoridades administración partido
congreso elección elecciones líder presidente director investigador
investigadores experto expertos activista abogado juez fiscal víctima
víctimas migrante migrantes refugiado agricultor agricultores comerciante
empresa empresas sector industria cooperativa asociación movimiento alianza
iniciativa donante socio miembro ciudadano ciudadanos población década año
años mes semana día siglo período etapa momento ciclo plazo documento carta
discurso entrevista juicio caso acusación sentencia fallo licencia registro
límite carretera río valle montaña selva costa isla tierra tierras finca mina
fábrica laboratorio farmacia barrio calle mercado centro cadena oferta
demanda flujo cargamento contenedor barco camión avión arma armas control
patrulla unidad milicia guerrilla grupo grupos banda pandilla cártel nación
cultura tradición costumbre práctica creencia identidad lengua idioma iglesia
ceremonia opinión visión argumento idea concepto tipo forma clase aspecto
elemento parte sección capítulo tabla mapa fuente resumen conclusión
conclusiones recomendación recomendaciones lección hallazgo ejemplo
comparación diferencia relación cooperación coordinación integración crisis
emergencia epidemia enfermedad salud riesgo riesgos daño daños muerte muertes
beneficio oportunidad desafío problema problemas cuestión dificultad barrera
capacidad conocimiento experiencia evidencia datos información método análisis
evaluación seguimiento protesta marcha huelga bloqueo desalojo desplazamiento
retorno migración encarcelamiento castigo indulto amnistía libertad
rehabilitación prevención educación apoyo asistencia ayuda bienestar
protección dignidad igualdad justicia legitimidad transparencia corrupción
abuso violación fracaso éxito logro avance mejora crecimiento reducción
déficit economía pobreza desigualdad exclusión discriminación estigma historia
memoria futuro agenda camino contexto situación condición papel función tarea
responsabilidad contrato compra venta comercio exportación importación
producto material químico suelo agua sequía inundación deforestación
contaminación clima violencia seguridad inseguridad crimen represión
prohibición legalización despenalización regulación fiscalización gobernanza
financiamiento dinero capital crédito deuda trabajo empleo desempleo vivienda
alimentación hambre participación presión poder soberanía autonomía calidad
acceso producción consumo uso dependencia adicción tránsito distribución
nacional internacional local regional rural urbano urbana social sociales
económico económica político política legal ilegal ilícito ilícitos penal
penales civil público pública privado oficial informal federal municipal
nuevo nueva antiguo reciente actual anterior futuro largo corto alto alta
bajo baja grande pequeño pequeña importante grave fuerte débil eficaz
diferente similar diversos varios amplio específico especial común
tradicional moderno histórico cultural religioso étnico indígena indígenas
ambiental agrícola industrial comercial financiero judicial legislativo
democrático militar armado armados violento pacífico humanitario médico
científico técnico práctico obligatorio voluntario punitivo represivo
progresivo sostenible viable posible probable claro directo inmediato rápido
lento estable frágil vulnerable vulnerables pobre rico remoto accesible justo
injusto responsable independiente colectivo individual humano natural
sintético joven jóvenes adulto afectado afectados relevante adecuado
necesario esencial fundamental básico adicional conjunto estructural
persistente crónico complejo difícil anual total promedio reducir aumentar
apoyar aplicar desarrollar proteger prevenir garantizar mejorar fortalecer
debilitar señalar sugerir mostrar examinar analizar evaluar describir explicar
identificar recomendar proponer adoptar aprobar rechazar introducir eliminar
permitir exigir prohibir regular controlar castigar detener liberar destruir
producir cultivar vender comprar transportar financiar invertir gastar afectar
cambiar seguir crecer fracasar lograr responder negociar firmar cumplir violar
respetar reconocer considerar revisar medir estimar publicar exigir enfrentar
sufrir perder ganar depender incluir excluir tratar atender recibir acceder
gestionar decidir redujo aumentó apoyó aplicó desarrolló señaló mostró
propuso aprobó rechazó permitió prohibió reguló detuvo produjo cultivó vendió
financió afectó cambió siguió creció fracasó logró respondió firmó cumplió
reconoció publicó enfrentó sufrió perdió dependía incluía trataba recibió
también sin embargo especialmente principalmente ampliamente cada vez más
recientemente actualmente finalmente directamente oficialmente legalmente
claramente generalmente frecuentemente siempre nunca casi aproximadamente
solamente relativamente
`

// esCollocations are common Spanish phrases.
var esCollocations = []string{
	"política de drogas", "reducción de daños", "derechos humanos", "desarrollo alternativo",
	"hoja de coca", "erradicación forzosa", "sustitución de cultivos", "justicia penal",
	"salud pública", "crimen organizado", "encarcelamiento masivo", "prisión preventiva",
	"sociedad civil", "desarrollo rural", "pueblos indígenas", "mercado legal",
	"regulación del cannabis", "fumigación aérea", "acuerdo de paz", "pequeños agricultores",
	"fuerzas de seguridad", "grupos armados", "lavado de dinero", "seguridad alimentaria",
	"cambio climático", "economía informal", "mujeres en prisión", "acceso a medicamentos",
	"cooperación internacional", "reforma legal", "tráfico de drogas", "uso tradicional",
}

// esHeadings are Spanish section headings.
var esHeadings = []string{
	"Introducción", "Antecedentes", "Puntos clave", "Conclusiones", "Recomendaciones",
	"La situación actual", "Breve historia", "Opciones de política", "Lo que muestra la evidencia",
	"Lecciones aprendidas", "El camino a seguir", "Metodología", "Principales hallazgos", "Contexto",
}

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
