package main

// Vocabulary for `briefs gen`: word lists, names, series and countries, all
// written for this generator; the English words are here, the Spanish ones
// in gen_words_es.go, the names in gen_names.go. Lists are in rough order
// of frequency: the generator draws from them with Zipfian weights by
// position, so the first words are the common ones, as in real text.
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
