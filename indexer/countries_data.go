package indexer

// countryTable is the gazetteer: every ISO 3166-1 country and territory, plus
// Kosovo (XK, user-assigned), one per line:
//
//	alpha-2 alpha-3 | canonical name | alternative names | English demonyms | Spanish demonyms
//
// Lists are separated by ";". Everything on a line is an alias for
// CountryName, and everything but the codes is also looked for in running
// text by Countries (see there for the matching rules, and notInText and
// notLowerCase below for the exceptions).
//
//   - Canonical names are the common English short names ("Bolivia", not
//     "Bolivia (Plurinational State of)"); ISO long forms are listed as
//     alternative names so that metadata fields using them still resolve.
//   - Alternative names cover English, Spanish, and French/Portuguese where
//     they differ. Accents need not be repeated: matching folds them
//     ("Perú" and "Peru" are one key).
//   - English demonyms are written in the singular; a plural in -s is added
//     unless the word ends in -ese, -s, -sh, -ch, -x, -y, -z or
//     -man ("Frenchmen" is listed).
//   - Spanish demonyms are written masculine singular in lower case; feminine
//     and plural forms are generated (peruano, peruana, peruanos, peruanas).
//     A leading "~" keeps only the generated forms: the bare masculine is
//     also the name of the language ("~español" counts "españoles" but not
//     "español").
//
// Left out on purpose, because in our texts they are more often something
// else: "American"/"americano" (the continent, Latin America), "Indian"/"indio"
// (indigenous peoples in Latin American writing), "Spanish", "French",
// "German", "English" (languages), "Korean" (North or South?), "Dominican"
// (Dominica, the Dominican Republic, or the religious order), "Central African"
// (the region); the Spanish names "Granada" (a city in Spain and Nicaragua),
// "Mauricio", "Guadalupe", "San Martín" and "Santa Lucía" (people, saints and
// towns), "Trinidad" and "Antigua" alone (towns in Bolivia, Cuba and
// Guatemala), "Formosa" (an Argentine province), "America" and "EUA" (an EU
// emissions allowance).
//
// Deliberate choices: "Congo" alone is the Republic of the Congo, as the UN
// names it (its member-state name is "Congo"), while the Democratic Republic
// of the Congo is always named in full or "DR Congo", "DRC"; "Congolese"
// alone stays with the Democratic Republic, the more frequent referent.
// "Korea" alone means South
// Korea. England, Scotland, Wales and Northern Ireland count as the United
// Kingdom.
const countryTable = `
AD AND | Andorra | Principality of Andorra | Andorran | andorrano
AE ARE | United Arab Emirates | UAE; U.A.E.; Emirates; Emiratos Árabes Unidos; Emiratos Árabes; Émirats arabes unis; Emirados Árabes Unidos | Emirati | emiratí
AF AFG | Afghanistan | Afganistán; Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan; Afeganistão | Afghan | afgano
AG ATG | Antigua and Barbuda | Antigua & Barbuda; Antigua y Barbuda; Antigua-et-Barbuda | Antiguan; Barbudan | antiguano
AI AIA | Anguilla | Anguila | Anguillan |
AL ALB | Albania | Albanie; Albânia; Republic of Albania | Albanian | albanés
AM ARM | Armenia | Arménie; Armênia; Republic of Armenia | Armenian | armenio
AO AGO | Angola | Republic of Angola | Angolan | angoleño
AQ ATA | Antarctica | Antártida; Antártica; Antarctique | |
AR ARG | Argentina | Argentine Republic; República Argentina | Argentine; Argentinian; Argentinean | argentino
AS ASM | American Samoa | Samoa Americana; Samoa américaines | American Samoan |
AT AUT | Austria | Autriche; Áustria; Österreich; Republic of Austria | Austrian | austriaco; austríaco
AU AUS | Australia | Australie; Austrália; Commonwealth of Australia | Australian | australiano
AW ABW | Aruba | | Aruban | arubeño
AX ALA | Åland Islands | Åland; Islas Åland; Îles Åland | Ålander |
AZ AZE | Azerbaijan | Azerbaiyán; Azerbaïdjan; Azerbaijão; Republic of Azerbaijan | Azerbaijani; Azeri | azerbaiyano; azerí
BA BIH | Bosnia and Herzegovina | Bosnia; Bosnia-Herzegovina; Bosnia & Herzegovina; BiH; Bosnia y Herzegovina; Bosnia-Herzegovina; Bosnie-Herzégovine; Bósnia e Herzegovina | Bosnian | bosnio
BB BRB | Barbados | | Barbadian; Bajan | barbadense
BD BGD | Bangladesh | Bangladés; People's Republic of Bangladesh | Bangladeshi | bangladesí
BE BEL | Belgium | Bélgica; Belgique; België; Kingdom of Belgium | Belgian | belga
BF BFA | Burkina Faso | Burkina | Burkinabe | burkinés
BG BGR | Bulgaria | Bulgarie; Bulgária; Republic of Bulgaria | Bulgarian | búlgaro
BH BHR | Bahrain | Baréin; Bahréin; Bahreïn; Barém; Kingdom of Bahrain | Bahraini | bareiní
BI BDI | Burundi | Republic of Burundi | Burundian | burundés
BJ BEN | Benin | Benín; Bénin; Republic of Benin | Beninese | beninés
BL BLM | Saint Barthélemy | St Barthélemy; St. Barthélemy; Saint-Barthélemy; St Barts; St. Barts; St Barths | |
BM BMU | Bermuda | Bermudas | Bermudian | bermudeño
BN BRN | Brunei | Brunei Darussalam; Brunéi | Bruneian | bruneano
BO BOL | Bolivia | Plurinational State of Bolivia; Bolivia (Plurinational State of); Estado Plurinacional de Bolivia; Bolivie; Bolívia; Republic of Bolivia; República de Bolivia | Bolivian | boliviano
BQ BES | Caribbean Netherlands | Bonaire, Sint Eustatius and Saba; Bonaire; Sint Eustatius; Caribe Neerlandés; BES islands | |
BR BRA | Brazil | Brasil; Brésil; Federative Republic of Brazil; República Federativa do Brasil | Brazilian | brasileño; brasilero
BS BHS | Bahamas | Commonwealth of The Bahamas | Bahamian | bahameño
BT BTN | Bhutan | Bután; Bhoutan; Butão; Kingdom of Bhutan | Bhutanese | butanés
BV BVT | Bouvet Island | Isla Bouvet; Île Bouvet | |
BW BWA | Botswana | Botsuana; Republic of Botswana | Botswanan; Motswana; Batswana | botsuano
BY BLR | Belarus | Bielorrusia; Biélorussie; Belarús; Bielorrússia; Byelorussia; Belorussia; Republic of Belarus | Belarusian; Belarusan; Byelorussian | bielorruso
BZ BLZ | Belize | Belice | Belizean | beliceño
CA CAN | Canada | Canadá | Canadian | canadiense
CC CCK | Cocos (Keeling) Islands | Cocos Islands; Keeling Islands; Islas Cocos | |
CD COD | Democratic Republic of the Congo | Democratic Republic of Congo; DR Congo; D.R. Congo; DRC; D.R.C.; Congo-Kinshasa; Congo (Kinshasa); Zaire; Zaïre; RDC; RD Congo; República Democrática del Congo; République démocratique du Congo; República Democrática do Congo; Congo, The Democratic Republic of the; Congo, Democratic Republic of the | Congolese | congoleño
CF CAF | Central African Republic | CAR; República Centroafricana; République centrafricaine; Centrafrique | |
CG COG | Republic of the Congo | Congo; Republic of Congo; Congo-Brazzaville; Congo (Brazzaville); Congo Republic; República del Congo; République du Congo; Congo, Republic of the | |
CH CHE | Switzerland | Suiza; Suisse; Schweiz; Suíça; Swiss Confederation; Confoederatio Helvetica | Swiss | suizo
CI CIV | Côte d'Ivoire | Ivory Coast; Cote d'Ivoire; Costa de Marfil; Costa do Marfim; Republic of Côte d'Ivoire | Ivorian | marfileño
CK COK | Cook Islands | Islas Cook; Îles Cook | Cook Islander |
CL CHL | Chile | Republic of Chile; República de Chile | Chilean | chileno
CM CMR | Cameroon | Camerún; Cameroun; Camarões; Republic of Cameroon | Cameroonian | camerunés
CN CHN | China | People's Republic of China; Peoples Republic of China; PRC; P.R.C.; Chine; República Popular China; República Popular de China; Mainland China | Chinese | chino
CO COL | Colombia | Colombie; Colômbia; Republic of Colombia; República de Colombia | Colombian | colombiano
CR CRI | Costa Rica | Republic of Costa Rica | Costa Rican | costarricense; costarriqueño
CU CUB | Cuba | Republic of Cuba | Cuban | cubano
CV CPV | Cape Verde | Cabo Verde; Cap-Vert | Cape Verdean | caboverdiano
CW CUW | Curaçao | Curazao | Curaçaoan | curazoleño
CX CXR | Christmas Island | Isla de Navidad | |
CY CYP | Cyprus | Chipre; Chypre; Republic of Cyprus | Cypriot | chipriota
CZ CZE | Czechia | Czech Republic; República Checa; Chequia; Tchéquie; République tchèque; Chéquia | Czech; Czechs | checo
DE DEU | Germany | Alemania; Allemagne; Deutschland; Alemanha; Federal Republic of Germany; República Federal de Alemania; West Germany; East Germany | Germans; West German; East German | ~alemán
DJ DJI | Djibouti | Yibuti; Djibuti; Republic of Djibouti | Djiboutian | yibutiano
DK DNK | Denmark | Dinamarca; Danemark; Kingdom of Denmark | Danish; Dane | danés
DM DMA | Dominica | Commonwealth of Dominica; Mancomunidad de Dominica | | dominiqués
DO DOM | Dominican Republic | República Dominicana; République dominicaine | | dominicano
DZ DZA | Algeria | Argelia; Algérie; Argélia | Algerian | argelino
EC ECU | Ecuador | Équateur; Equador; Republic of Ecuador; República del Ecuador | Ecuadorian; Ecuadorean | ecuatoriano
EE EST | Estonia | Estonie; Estônia; Republic of Estonia | Estonian | estonio
EG EGY | Egypt | Egipto; Égypte; Egito; Arab Republic of Egypt | Egyptian | egipcio
EH ESH | Western Sahara | Sahara Occidental; Sahrawi Arab Democratic Republic | Sahrawi; Saharawi | saharaui
ER ERI | Eritrea | Érythrée; State of Eritrea | Eritrean | eritreo
ES ESP | Spain | España; Espagne; Espanha; Kingdom of Spain; Reino de España | Spaniard | ~español
ET ETH | Ethiopia | Etiopía; Éthiopie; Federal Democratic Republic of Ethiopia | Ethiopian | etíope
FI FIN | Finland | Finlandia; Finlande; Finlândia; Republic of Finland | Finnish; Finn | finlandés
FJ FJI | Fiji | Fiyi; Fidji; Republic of Fiji | Fijian | fiyiano
FK FLK | Falkland Islands | Falklands; Falkland Islands (Malvinas); Malvinas; Islas Malvinas; Malvinas Islands; Îles Malouines | Falkland Islander | malvinense
FM FSM | Micronesia | Federated States of Micronesia; Micronesia (Federated States of); Estados Federados de Micronesia | |
FO FRO | Faroe Islands | Faroes; Faeroe Islands; Islas Feroe | Faroese | feroés
FR FRA | France | Francia; França; French Republic; República Francesa; République française | Frenchman; Frenchmen; Frenchwoman; Frenchwomen | ~francés
GA GAB | Gabon | Gabón; Gabão; Gabonese Republic | Gabonese | gabonés
GB GBR | United Kingdom | UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland; England; Scotland; Wales; Northern Ireland; Reino Unido; Gran Bretaña; Inglaterra; Escocia; País de Gales; Irlanda del Norte; Royaume-Uni; Grande-Bretagne; Angleterre; Grã-Bretanha | British; Briton | británico
GD GRD | Grenada | | Grenadian |
GE GEO | Georgia | Sakartvelo; Géorgie; Geórgia | Georgian | georgiano
GF GUF | French Guiana | Guayana Francesa; Guyane; Guyane française; Guiana Francesa | French Guianese |
GG GGY | Guernsey | Guernesey; Bailiwick of Guernsey | |
GH GHA | Ghana | Republic of Ghana | Ghanaian | ghanés
GI GIB | Gibraltar | | Gibraltarian | gibraltareño
GL GRL | Greenland | Groenlandia; Groenland; Gronelândia | Greenlandic; Greenlander | groenlandés
GM GMB | Gambia | Gambie; Republic of The Gambia | Gambian | gambiano
GN GIN | Guinea | Guinea-Conakry; Guinée; Guiné; Republic of Guinea | Guinean | guineano
GP GLP | Guadeloupe | | Guadeloupean |
GQ GNQ | Equatorial Guinea | Guinea Ecuatorial; Guinée équatoriale; Guiné Equatorial | Equatorial Guinean; Equatoguinean | ecuatoguineano
GR GRC | Greece | Grecia; Grèce; Grécia; Hellenic Republic | Greek | griego
GS SGS | South Georgia and the South Sandwich Islands | South Georgia; South Sandwich Islands; Islas Georgias del Sur y Sandwich del Sur; Georgias del Sur | |
GT GTM | Guatemala | Republic of Guatemala; República de Guatemala | Guatemalan | guatemalteco
GU GUM | Guam | | Guamanian | guameño
GW GNB | Guinea-Bissau | Guinée-Bissau; Guiné-Bissau; Guinea-Bisáu | Bissau-Guinean | bisauguineano
GY GUY | Guyana | Co-operative Republic of Guyana | Guyanese | guyanés
HK HKG | Hong Kong | Hongkong; Hong Kong SAR | Hongkonger | hongkonés
HM HMD | Heard Island and McDonald Islands | Heard Island; McDonald Islands; Islas Heard y McDonald | |
HN HND | Honduras | Republic of Honduras; República de Honduras | Honduran | hondureño
HR HRV | Croatia | Croacia; Croatie; Croácia; Hrvatska; Republic of Croatia | Croatian; Croat | croata
HT HTI | Haiti | Haïti; Republic of Haiti | Haitian | haitiano
HU HUN | Hungary | Hungría; Hongrie; Hungria | Hungarian | húngaro
ID IDN | Indonesia | Indonésie; Indonésia; Republic of Indonesia | Indonesian | indonesio
IE IRL | Ireland | Republic of Ireland; Irlanda; Irlande; Éire | Irish | irlandés
IL ISR | Israel | State of Israel; Estado de Israel; Israël | Israeli | israelí
IM IMN | Isle of Man | Isla de Man; Île de Man | Manx |
IN IND | India | Republic of India; Inde | |
IO IOT | British Indian Ocean Territory | Chagos Islands; Chagos Archipelago; Territorio Británico del Océano Índico; Archipiélago de Chagos | Chagossian |
IQ IRQ | Iraq | Irak; Republic of Iraq | Iraqi | iraquí
IR IRN | Iran | Islamic Republic of Iran; Iran (Islamic Republic of); Iran, Islamic Republic of; Persia | Iranian | iraní
IS ISL | Iceland | Islandia; Islande; Islândia | Icelandic; Icelander | islandés
IT ITA | Italy | Italia; Italie; Itália; Italian Republic | Italian | italiano
JE JEY | Jersey | Bailiwick of Jersey | |
JM JAM | Jamaica | Jamaïque | Jamaican | jamaicano; jamaiquino
JO JOR | Jordan | Jordania; Jordanie; Jordânia; Hashemite Kingdom of Jordan | Jordanian | jordano
JP JPN | Japan | Japón; Japão | Japanese | japonés
KE KEN | Kenya | Kenia; Quênia; Republic of Kenya | Kenyan | keniano; keniata
KG KGZ | Kyrgyzstan | Kyrgyz Republic; Kirguistán; Kirguizistán; Kirghizistan; Kirghizia; Quirguistão | Kyrgyz; Kirghiz | kirguís
KH KHM | Cambodia | Camboya; Cambodge; Camboja; Kampuchea; Kingdom of Cambodia | Cambodian | camboyano
KI KIR | Kiribati | | I-Kiribati | kiribatiano
KM COM | Comoros | Comoras; Comores; Union of the Comoros | Comorian | comorense
KN KNA | Saint Kitts and Nevis | St Kitts and Nevis; St. Kitts and Nevis; St Kitts & Nevis; Saint Kitts; St Kitts; St. Kitts; San Cristóbal y Nieves; Federation of Saint Christopher and Nevis | Kittitian |
KP PRK | North Korea | Democratic People's Republic of Korea; DPRK; D.P.R.K.; Korea, Democratic People's Republic of; Korea DPR; Corea del Norte; Coreia do Norte; Corée du Nord | North Korean | norcoreano
KR KOR | South Korea | Republic of Korea; Korea, Republic of; ROK; Korea; Corea del Sur; Corea; Coreia do Sul; Corée du Sud | South Korean | surcoreano
KW KWT | Kuwait | Kuwéit; Koweït; State of Kuwait | Kuwaiti | kuwaití
KY CYM | Cayman Islands | Caymans; Islas Caimán | Caymanian |
KZ KAZ | Kazakhstan | Kazajistán; Kazajstán; Cazaquistão; Republic of Kazakhstan | Kazakh; Kazakhstani | kazajo
LA LAO | Laos | Lao PDR; Lao People's Democratic Republic; República Democrática Popular Lao | Laotian; Lao | laosiano
LB LBN | Lebanon | Líbano; Liban; Lebanese Republic | Lebanese | libanés
LC LCA | Saint Lucia | St Lucia; St. Lucia; Sainte-Lucie | Saint Lucian; St Lucian | santalucense
LI LIE | Liechtenstein | Principality of Liechtenstein | Liechtensteiner | liechtensteiniano
LK LKA | Sri Lanka | Ceylon; Ceilán | Sri Lankan | esrilanqués; srilanqués; ceilanés
LR LBR | Liberia | Libéria; Republic of Liberia | Liberian | liberiano
LS LSO | Lesotho | Lesoto; Kingdom of Lesotho | Basotho; Mosotho | lesotense
LT LTU | Lithuania | Lituania; Lituanie; Lituânia; Republic of Lithuania | Lithuanian | lituano
LU LUX | Luxembourg | Luxemburgo; Luxemburg; Grand Duchy of Luxembourg | Luxembourger; Luxembourgish | luxemburgués
LV LVA | Latvia | Letonia; Lettonie; Letônia; Republic of Latvia | Latvian | letón
LY LBY | Libya | Libia; Libye; Líbia; State of Libya | Libyan | libio
MA MAR | Morocco | Marruecos; Maroc; Marrocos; Kingdom of Morocco | Moroccan | marroquí
MC MCO | Monaco | Principality of Monaco | Monegasque | monegasco
MD MDA | Moldova | Moldavia; Moldavie; Moldávia; Republic of Moldova; Moldova, Republic of | Moldovan; Moldavian | moldavo
ME MNE | Montenegro | Monténégro | Montenegrin | montenegrino
MF MAF | Saint Martin | Saint-Martin; Saint Martin (French part); St Martin; St. Martin | |
MG MDG | Madagascar | Republic of Madagascar | Malagasy | malgache
MH MHL | Marshall Islands | Islas Marshall; Îles Marshall; Republic of the Marshall Islands | Marshallese | marshalés
MK MKD | North Macedonia | Macedonia; Republic of North Macedonia; Macedonia del Norte; Macédoine du Nord; FYROM; Former Yugoslav Republic of Macedonia; Macedonia, the former Yugoslav Republic of | Macedonian; North Macedonian | macedonio; normacedonio
ML MLI | Mali | Republic of Mali | Malian | maliense
MM MMR | Myanmar | Burma; Birmania; Birmanie; Birmânia; Republic of the Union of Myanmar | Burmese | birmano
MN MNG | Mongolia | Mongolie; Mongólia | Mongolian | mongol
MO MAC | Macau | Macao; Macao SAR; Macau SAR | Macanese | macaense
MP MNP | Northern Mariana Islands | Northern Marianas; Islas Marianas del Norte | |
MQ MTQ | Martinique | Martinica | Martinican |
MR MRT | Mauritania | Mauritanie; Mauritânia; Islamic Republic of Mauritania | Mauritanian | mauritano
MS MSR | Montserrat | | Montserratian |
MT MLT | Malta | Malte; Republic of Malta | Maltese | maltés
MU MUS | Mauritius | Republic of Mauritius | Mauritian | mauriciano
MV MDV | Maldives | Maldivas; Republic of Maldives | Maldivian | maldivo
MW MWI | Malawi | Malaui; Republic of Malawi | Malawian | malauí; malawiano
MX MEX | Mexico | México; Mexique; United Mexican States; Estados Unidos Mexicanos | Mexican | mexicano
MY MYS | Malaysia | Malasia; Malaisie; Malásia | Malaysian | malasio
MZ MOZ | Mozambique | Moçambique; Republic of Mozambique | Mozambican | mozambiqueño
NA NAM | Namibia | Namibie; Namíbia; Republic of Namibia | Namibian | namibio
NC NCL | New Caledonia | Nueva Caledonia; Nouvelle-Calédonie; Nova Caledônia | New Caledonian | neocaledonio
NE NER | Niger | Republic of the Niger; Republic of Niger | Nigerien | nigerino
NF NFK | Norfolk Island | Isla Norfolk | |
NG NGA | Nigeria | Federal Republic of Nigeria | Nigerian | nigeriano
NI NIC | Nicaragua | Republic of Nicaragua; República de Nicaragua | Nicaraguan | nicaragüense
NL NLD | Netherlands | Holland; Países Bajos; Holanda; Pays-Bas; Países Baixos; Nederland; Kingdom of the Netherlands | Dutch; Dutchman; Dutchmen; Netherlander | neerlandés; holandés
NO NOR | Norway | Noruega; Norvège; Kingdom of Norway | Norwegian | noruego
NP NPL | Nepal | Federal Democratic Republic of Nepal | Nepali; Nepalese | nepalí; nepalés
NR NRU | Nauru | Republic of Nauru | Nauruan | nauruano
NU NIU | Niue | | Niuean |
NZ NZL | New Zealand | Nueva Zelanda; Nueva Zelandia; Nouvelle-Zélande; Nova Zelândia; Aotearoa | New Zealander | neozelandés
OM OMN | Oman | Omán; Sultanate of Oman | Omani | omaní
PA PAN | Panama | Republic of Panama; República de Panamá | Panamanian | panameño
PE PER | Peru | Perú; Pérou; Republic of Peru; República del Perú | Peruvian | peruano
PF PYF | French Polynesia | Polinesia Francesa; Polynésie française | French Polynesian |
PG PNG | Papua New Guinea | PNG; Papúa Nueva Guinea; Papouasie-Nouvelle-Guinée; Papua-Nova Guiné | Papua New Guinean |
PH PHL | Philippines | Filipinas; Republic of the Philippines | Filipino; Philippine | filipino
PK PAK | Pakistan | Paquistán; Paquistão; Islamic Republic of Pakistan | Pakistani | pakistaní; paquistaní
PL POL | Poland | Polonia; Pologne; Polônia; Polska; Republic of Poland | Polish | polaco
PM SPM | Saint Pierre and Miquelon | St Pierre and Miquelon; St. Pierre and Miquelon; Saint-Pierre-et-Miquelon; San Pedro y Miquelón | |
PN PCN | Pitcairn Islands | Pitcairn; Islas Pitcairn | Pitcairn Islander |
PR PRI | Puerto Rico | Porto Rico | Puerto Rican | puertorriqueño; portorriqueño
PS PSE | Palestine | State of Palestine; Palestine, State of; Palestinian Territories; Occupied Palestinian Territory; Occupied Palestinian Territories; Palestina; Territorios Palestinos | Palestinian | palestino
PT PRT | Portugal | Portuguese Republic; República Portuguesa | Portuguese | portugués
PW PLW | Palau | Palaos; Belau; Republic of Palau | Palauan | palauano
PY PRY | Paraguay | Paraguai; Republic of Paraguay; República del Paraguay | Paraguayan | paraguayo
QA QAT | Qatar | Catar; State of Qatar | Qatari | catarí
RE REU | Réunion | La Réunion | Réunionese |
RO ROU | Romania | Rumania; Roumanie; Romênia; Roménia | Romanian | rumano
RS SRB | Serbia | Serbie; Sérvia; Republic of Serbia | Serbian; Serb | serbio
RU RUS | Russia | Russian Federation; Rusia; Russie; Rússia; Federación de Rusia; Federación Rusa | Russian | ruso
RW RWA | Rwanda | Ruanda; Republic of Rwanda | Rwandan; Rwandese | ruandés
SA SAU | Saudi Arabia | Kingdom of Saudi Arabia; KSA; Arabia Saudita; Arabia Saudí; Arabie saoudite | Saudi; Saudi Arabian | saudí; saudita
SB SLB | Solomon Islands | Islas Salomón; Îles Salomon | Solomon Islander | salomonense
SC SYC | Seychelles | Republic of Seychelles | Seychellois | seychellense
SD SDN | Sudan | Soudan; Sudão; Republic of the Sudan | Sudanese | sudanés
SE SWE | Sweden | Suecia; Suède; Suécia; Sverige; Kingdom of Sweden | Swedish; Swede | sueco
SG SGP | Singapore | Singapur; Singapour; Cingapura; Republic of Singapore | Singaporean | singapurense
SH SHN | Saint Helena | Saint Helena, Ascension and Tristan da Cunha; St Helena; St. Helena; Ascension Island; Tristan da Cunha; Isla Santa Elena | Saint Helenian |
SI SVN | Slovenia | Eslovenia; Slovénie; Eslovênia; Republic of Slovenia | Slovenian; Slovene | esloveno
SJ SJM | Svalbard and Jan Mayen | Svalbard; Jan Mayen; Svalbard y Jan Mayen | |
SK SVK | Slovakia | Eslovaquia; Slovaquie; Eslováquia; Slovak Republic | Slovak; Slovakian | eslovaco
SL SLE | Sierra Leone | Sierra Leona; Serra Leoa; Republic of Sierra Leone | Sierra Leonean | sierraleonés
SM SMR | San Marino | Saint-Marin; Republic of San Marino | Sammarinese | sanmarinense
SN SEN | Senegal | Sénégal; Republic of Senegal | Senegalese | senegalés
SO SOM | Somalia | Somalie; Somália; Federal Republic of Somalia | Somali | somalí
SR SUR | Suriname | Surinam; Republic of Suriname | Surinamese | surinamés
SS SSD | South Sudan | Sudán del Sur; Soudan du Sud; Sudão do Sul; Republic of South Sudan | South Sudanese | sursudanés
ST STP | São Tomé and Príncipe | São Tomé e Príncipe; Santo Tomé y Príncipe; Sao Tome; Democratic Republic of São Tomé and Príncipe | Santomean | santotomense
SV SLV | El Salvador | Republic of El Salvador; República de El Salvador | Salvadoran; Salvadorean | salvadoreño
SX SXM | Sint Maarten | Sint Maarten (Dutch part) | |
SY SYR | Syria | Syrian Arab Republic; Siria; Syrie; Síria | Syrian | sirio
SZ SWZ | Eswatini | Swaziland; Esuatini; Suazilandia; Kingdom of Eswatini | Swazi | suazi
TC TCA | Turks and Caicos Islands | Turks and Caicos; Turks & Caicos; Islas Turcas y Caicos | |
TD TCD | Chad | Tchad; Chade; Republic of Chad | Chadian | chadiano
TF ATF | French Southern Territories | French Southern and Antarctic Lands; Territorios Australes Franceses; Terres australes et antarctiques françaises; TAAF | |
TG TGO | Togo | Togolese Republic | Togolese | togolés
TH THA | Thailand | Tailandia; Thaïlande; Tailândia; Siam; Kingdom of Thailand | Thai | tailandés
TJ TJK | Tajikistan | Tayikistán; Tadjikistan; Tajiquistão; Republic of Tajikistan | Tajik; Tajikistani | tayiko
TK TKL | Tokelau | | Tokelauan |
TL TLS | Timor-Leste | East Timor; Timor Oriental; Democratic Republic of Timor-Leste | Timorese; East Timorese | timorense
TM TKM | Turkmenistan | Turkmenistán; Turquemenistão | Turkmen; Turkmenistani | turcomano
TN TUN | Tunisia | Túnez; Tunisie; Tunísia; Republic of Tunisia | Tunisian | tunecino
TO TON | Tonga | Kingdom of Tonga | Tongan | tongano
TR TUR | Turkey | Türkiye; Turquía; Turquie; Republic of Türkiye; Republic of Turkey | Turkish; Turk | turco
TT TTO | Trinidad and Tobago | Trinidad & Tobago; Trinidad y Tobago; Trinité-et-Tobago; Trinidad e Tobago; Republic of Trinidad and Tobago | Trinidadian; Tobagonian | trinitense
TV TUV | Tuvalu | | Tuvaluan | tuvaluano
TW TWN | Taiwan | Taiwán; Republic of China; Chinese Taipei; Taiwan, Province of China | Taiwanese | taiwanés
TZ TZA | Tanzania | United Republic of Tanzania; Tanzania, United Republic of; Tanzanie; Tanzânia | Tanzanian | tanzano
UA UKR | Ukraine | Ucrania; Ucrânia | Ukrainian | ucraniano
UG UGA | Uganda | Ouganda; Republic of Uganda | Ugandan | ugandés
UM UMI | United States Minor Outlying Islands | U.S. Minor Outlying Islands; US Minor Outlying Islands | |
US USA | United States | United States of America; USA; U.S.A.; US; U.S.; Estados Unidos; Estados Unidos de América; EE. UU.; EEUU; États-Unis | | estadounidense
UY URY | Uruguay | Uruguai; Oriental Republic of Uruguay; República Oriental del Uruguay | Uruguayan | uruguayo
UZ UZB | Uzbekistan | Uzbekistán; Ouzbékistan; Uzbequistão; Republic of Uzbekistan | Uzbek; Uzbekistani | uzbeko
VA VAT | Vatican City | Holy See; Vatican; Vatican City State; Holy See (Vatican City State); Santa Sede; Ciudad del Vaticano; Vaticano; Saint-Siège | |
VC VCT | Saint Vincent and the Grenadines | St Vincent and the Grenadines; St. Vincent and the Grenadines; Saint Vincent; St Vincent; St. Vincent; San Vicente y las Granadinas | Vincentian |
VE VEN | Venezuela | Bolivarian Republic of Venezuela; Venezuela (Bolivarian Republic of); República Bolivariana de Venezuela | Venezuelan | venezolano
VG VGB | British Virgin Islands | Virgin Islands, British; BVI; Islas Vírgenes Británicas | |
VI VIR | U.S. Virgin Islands | United States Virgin Islands; US Virgin Islands; Virgin Islands, U.S.; USVI; Islas Vírgenes de los Estados Unidos | |
VN VNM | Vietnam | Viet Nam; Vietnã; Vietname; Socialist Republic of Vietnam | Vietnamese | vietnamita
VU VUT | Vanuatu | Republic of Vanuatu | Ni-Vanuatu | vanuatuense
WF WLF | Wallis and Futuna | Wallis y Futuna; Wallis-et-Futuna | |
WS WSM | Samoa | Independent State of Samoa; Western Samoa | Samoan | samoano
YE YEM | Yemen | Yémen; Iêmen; Republic of Yemen | Yemeni | yemení
YT MYT | Mayotte | | Mahoran |
ZA ZAF | South Africa | Sudáfrica; Suráfrica; Afrique du Sud; África do Sul; Republic of South Africa | South African | sudafricano
ZM ZMB | Zambia | Zambie; Zâmbia; Republic of Zambia | Zambian | zambiano
ZW ZWE | Zimbabwe | Zimbabue; Zimbábue; Republic of Zimbabwe | Zimbabwean | zimbabuense
XK XKX | Kosovo | Kosova; Republic of Kosovo | Kosovar; Kosovan | kosovar
`

// blockedPhrases contain a country name but name something else: a region, a
// US state, a river, an animal, a currency (prices in Latin American texts
// are mostly in dollars). Matching them consumes their words so that
// the country inside is not counted.
var blockedPhrases = []string{
	"New Guinea", "Nueva Guinea", "Gulf of Guinea", "Golfo de Guinea", "Guinea pig", "Guinea pigs",
	"New Mexico", "Nuevo México", "New Jersey", "Nueva Jersey", "Jersey City",
	"New South Wales", "Prince of Wales",
	"Niger Delta", "Delta del Níger", "Niger River", "River Niger", "río Níger", "Niger State",
	"Benin City", "Lake Chad", "Lago Chad", "Congo Basin", "Cuenca del Congo", "Congo River", "río Congo",
	"South China Sea", "Mar de China Meridional", "East China Sea",
	"USSR", "U.S.S.R.", "Dutch disease", "enfermedad holandesa",
	"US dollar", "US dollars", "U.S. dollar", "U.S. dollars", "dólar estadounidense", "dólares estadounidenses",
}

// countrySignals lists countries whose name is ambiguous enough in English
// to need corroboration: their mentions count only if the document also
// contains one of these words. "Georgia" is as often the US state (and
// "Georgian" an architectural style).
var countrySignals = map[string][]string{
	"Georgia": {"Tbilisi", "Tiflis", "Caucasus", "Cáucaso", "Abkhazia", "Abjasia", "Ossetia", "Osetia"},
}

// notLowerCase holds Spanish demonym forms that are also English words
// ("fine china", "khaki chinos"): in running text they count only
// capitalised.
var notLowerCase = []string{"china", "chinos"}

// notInText holds names that CountryName accepts but Countries does not look
// for in running text: "Réunion" folds to the Spanish "Reunión" (a meeting)
// and "Montserrat" is a common given name and a Catalan mountain.
var notInText = []string{"Réunion", "La Réunion", "Montserrat"}
