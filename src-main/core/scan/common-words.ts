/**
 * Ordinary English words that are also names ("Will", "May", "Rose", "Young", "Brown", "King",
 * "Hope", "Mark", "Bill", "Grant") and other frequent words: a hit whose whole text is one of
 * these is low confidence with reason 'common-word'. Offline and curated: 5625 words, lower case.
 *
 * How the list was made (once; it is data here, nothing is fetched at run time):
 * - the New Dale-Chall list of ~3,000 familiar American-English words (npm `dale-chall` 2.0.1),
 *   which holds no proper names;
 * - the 5,000 most frequent words of the OpenSubtitles 2024 frequency list (npm
 *   `@zxcvbn-ts/language-en` 4.1.1, `commonWords-en`; data: OPUS OpenSubtitles, ODC-BY) that are
 *   neither in that package's first-name list nor among its 20,000 most common surnames;
 * - of the frequent words that ARE in those name lists, the ordinary words, chosen by hand
 *   (frank, grant, jack, miller, cooper, walker, smith, hunter, justice, grace …);
 * - place words that are also names and read as places in a filing (washington, georgia, dallas …).
 * Pure names (john, maria, sarah, michael) are not on the list.
 */

const WORDS = `
aah abandon abandoned ability able aboard about above abroad absent absolute absolutely absurd abuse academy
accent accept accepted access accident accidentally according account accounts accurate accused ache achieve
aching acid acorn acre across act acted acting action actions active activities activity actor actors actress
acts actual actually ad add added addition address admiral admire admit admitted adopted adorable adult adults
advance advanced advantage adventure advice advise afar affair affairs affect affected afford afraid africa
african after afternoon afterward afterwards again against age aged agency agent agents ages aggressive ago
agree agreed agreement ah ahead ahh aid aim ain air aircraft airfield airplane airport airship airy al alan
alarm album alcohol alert alibi alien aliens alike alive all allah alley alligator allow allowed almost alone
along aloud alpha already alright also alternative although always am amazing amber ambulance amen america
american americans among amongst amount an analysis ancestors ancient and angel angeles angels anger angle
angry animal animals anniversary announce announcement announcer annoying another answer answered answering
answers ant anxious any anybody anyhow anymore anyone anything anytime anyway anywhere apart apartment ape
apiece apologies apologize apology app apparently appeal appear appearance appeared appears appetite applause
apple application apply appointment appreciate approach approaching appropriate approval approve april apron
archer are area areas aren argh argue arguing argument arise arithmetic arm armed armful armor arms army arose
around arrange arranged arrangement arrangements arrest arrested arrival arrive arrived arrives arriving arrow
art article artist artists arts as ash ashamed ashes aside ask asked asking asks asleep ass assault asses
asshole assholes assigned assignment assist assistance assistant assume assumed assuming assure assured at ate
atmosphere attached attack attacked attacking attacks attempt attempted attend attention attitude attorney
attracted attractive audience audition august aunt auntie austin australia author authorities authority auto
automobile autopsy autumn available avenue average avoid aw awake awaken award aware away awesome awful
awfully awhile awkward aww ax axe aye baa babe babies baby back background backs backup backward backwards
bacon bad badge badly bag bags bail bait bake baker bakery baking balance ball balloon balls banana band
bandage bang banging banjo bank banker banks bar barber bare barefoot barely bargain bark barking barn baron
barrel bars base baseball based basement basic basically basis basket basketball bastard bastards bat batch
bath bathe bathing bathroom bathtub batman battery battle battles battleship bay be beach bead beam bean beans
bear beard bears beast beat beaten beating beats beautiful beautify beauty became because become becomes
becoming bed bedbug bedroom bedspread bedtime bee beech beef beefsteak beehive been beep beeping beeps beer
beers beet before beg began beggar begged begging begin beginning begins begun behalf behave behavior behind
being beings belief believe believed believes believing bell bells belly belong belonged belongs beloved below
belt bench bend beneath benefit benefits bent berlin berries berry beside besides best bet betray betrayed
better between beyond bib bible bicycle bid big bigger biggest bike bill billboard billion bills bin bind
bingo bird birds birth birthday biscuit bishop bit bitch bitches bite biting bits bitter black blackberry
blackbird blackboard blackness blacksmith blade blah blame blank blanket blaring blast blaze bleed bleeding
bleep bless blessed blessing blew blind blindfold blinds block blocked blocks blonde blood bloody bloom
blossom blot blow blowing blown blows blue blueberry bluebird blush bo board boarding boast boat boats bob
bobwhite bodies body boil boiler bold bomb bombs bond bone bones bonnet bonus boo book bookcase booked
bookkeeper books boom boot booth boots booze border bored boring born borrow borrowed boss boston both bother
bothered bothering bottle bottles bottom bought bounce bound bout bow bowl bowling box boxcar boxer boxes boy
boyfriend boyhood boys bracelet brad brain brains brake bran branch brand brass brat brave bravo breach bread
break breakfast breaking breaks breast breath breathe breathing breeze brick bride bridge brief bright
brightness brilliant bring bringing brings britain british bro broad broadcast broke broken brook brooklyn
broom brother brothers brought brown brush brutal bubble buck bucket buckle bucks bud buddies buddy budget
buffalo bug buggy bugs build building buildings built bulb bull bullet bullets bullshit bum bumblebee bump bun
bunch bundle bunny burden bureau burger buried burn burned burning burns burnt burst bury bus bush bushel
business bust busted busy but butcher butt butter buttercup butterfly buttermilk butterscotch button
buttonhole buy buying buzz buzzing by bye cab cabbage cabin cabinet cable cackle cage cake calendar calf
california call called caller calling calls calm came camel camera cameras camp campaign campfire campus can
canada canal canary cancel canceled cancer candidate candle candlestick candy cane cannon cannot canoe canyon
cap capable cape capital captain capture captured car card cardboard cards care cared career careful carefully
careless carelessness cares cargo carload carolina carpenter carpet carriage carried carrot carry carrying
cars cart carve case cases cash cashier casino cast castle cat catbird catch catcher catching caterpillar
catfish catholic cats catsup cattle caught cause caused causes causing cave ceiling celebrate celebrating
celebration celebrity cell cellar cells cent center central centre cents centuries century ceo cereal ceremony
certain certainly certificate chain chair chairman chalk challenge chamber champ champagne champion chance
chances change changed changes changing channel chanting chaos chap chapter character characters charge
charged charges charity charm charming chart chase chased chasing chat chatter chattering cheap cheat cheated
cheating check checked checkers checking checks cheek cheer cheering cheers cheese chef chelsea chemical
cherry chess chest chew chicago chick chicken chicks chief child childhood children chill chilly chimes
chimney chin china chinese chip chipmunk chips chirping chocolate choice choices choose chop chorus chose
chosen christen christian christmas chuck chuckle chuckles chuckling church churn cia cigarette cigarettes
circle circles circumstances circus cities citizen citizens city civil claim claimed claims clan clang clap
class classes classic classmate classroom claw clay clean cleaned cleaner cleaning clear cleared clearly
clears clerk clever click clicking clicks client clients cliff climb climbing clinic clip cloak clock close
closed closely closer closes closest closet closing cloth clothes clothing cloud clouds cloudy clover clown
club clubs cluck clue clues clump coach coal coast coat cob cobbler cocaine cock cocoa coconut cocoon cod code
codfish coffee coffeepot coffin coin coincidence coins cold collar colleague colleagues collect collection
college colonel color colored colors colour colt column coma comb combat combination come comedy comes comfort
comfortable comic comin coming command commander comment commercial commission commissioner commit commitment
committed committee common communicate communication community companies company compare compared compete
competition complain complaining complaint complete completed completely complex complicated compliment
computer computers con concentrate concept concern concerned concerns concert conclusion concrete condition
conditions conduct conductor cone conference confess confessed confession confidence confident confirm
confirmed conflict confused confusing congratulations connect connected connection connections conscience
consciousness consent consequences consider considered considering conspiracy constant constantly construction
contact contacted contacts content contest continue continued continues contract contrary control controlled
controls convenient conversation conversations convince convinced coo cook cooked cookie cookies cooking cool
cooler coop cooper cooperate cop copies copper cops copy cord core cork corn corner corporate corpse correct
cos cost costs costume cot cottage cotton couch cough coughing coughs could couldn council counsel count
counter counting countries country counts county couple couples courage course court cousin cousins cover
covered covering cow coward cowardly cowboy cozy crab crack cracked cracker cradle craft cramps cranberry
crane crank cranky crap crash crashed crashing crawl crazy creaking cream creamy create created creating
creative creature creatures credit creek creep creepy crept crew cried cries crime crimes criminal criminals
crisis critical croak crook crooked crop cross crossed crossing crow crowd crowded crown cruel cruise crumb
crumble crush crushed crust cry crying crystal cub cuff culture cunt cup cupboard cupful cure curious curl
curly current currently curse cursed curtain curve cushion custard custody customer customers cut cute cuts
cutting cycle da dab dad daddy daily dairy daisy dakota dale dallas dam damage damaged dame damn damned damp
dance dancer dancing dandy danger dangerous dare dark darkness darling darn dart dash data date dated dates
dating daughter daughters dawn day daybreak days daytime dead deadly deaf deal dealer dealing deals dealt dear
death deaths debate debt decades december decent decide decided decides decision decisions deck dedicated deed
deep deeper deeply deer defeat defeated defend defendant defending defense definitely degree degrees delay
delicate delicious delight delighted deliver delivered delivery demand demands demon demons den denied dentist
deny department depend depends deposit depressed deputy derek describe described description desert deserve
deserved deserves design designed desire desk desperate despite dessert destination destiny destroy destroyed
destroying destruction detail details detective detectives determine determined develop developed development
device devil devon dew dial diamond diamonds diary dice did didn die died dies diet difference different
differently difficult dig digging dignity dim dime dine dings dining dinner dip direct direction directions
directly director dirt dirty disagree disappear disappeared disappoint disappointed disaster discover
discovered discovery discuss discussed discussing discussion disease disgusting dish dishes dislike dismiss
display distance distant distracted district disturb disturbing ditch dive diver divide divine division
divorce divorced dj dna do doc dock doctor doctors document documents does doesn dog dogs doin doing doll
dollar dollars dolly don done donkey door doorbell doorknob doors doorstep dope dot double doubt doubts doug
dough dove down downstairs downtown dozen dr drag dragged dragon drain drama dramatic drank draw drawer
drawing drawn dream dreamed dreaming dreams dress dressed dresser dressing dressmaker drew dried drift drill
drink drinking drinks drip drive driven driver drives driving drop dropped dropping drops drove drown drowned
drowsy drub drug drugs drum drunk dry duck dude due dug duke dull dumb dump dumped during dust dusty dutch
duties duty dwarf dwell dwelt dying dylan each eager eagle ear earl earlier early earn earned ears earth ease
easier easily east eastern easy eat eaten eating eats ed edge education eerie effect effective effects effort
efforts egg eggs eh eight eighteen eighth eighty either el elbow elder eldest election electric electrical
electricity electronic element elements elephant elevator eleven elf eli elm else elsewhere email embarrassed
embarrassing embrace emergency emotion emotional emotions emperor empire employee employees empty en end ended
ending endless ends enemies enemy energy engaged engagement engine engineer engines england english enjoy
enjoyed enjoying enormous enough ensure enter entered entering entertainment entire entirely entrance entry
envelope environment episode equal equipment er era erase eraser eric erm errand error escape escaped escort
especially established estate eternal ethan eun europe european eve even evening event events eventually ever
every everybody everyday everyone everything everywhere evidence evil ew ex exact exactly exam example
excellent except exchange excited excitement exciting excuse excuses executed exercise exhales exhausted exist
existed existence exists exit expect expected expecting expensive experience experienced experiment expert
explain explained explains explanation explode explosion expose exposed express expression extra extraordinary
extreme extremely eye eyebrow eyes fable fabulous face faced faces facility facing fact factory facts fail
failed failure faint fair fairly fairy faith fake fall fallen falling falls false familiar families family
famous fan fancy fans fantastic fantasy far faraway fare farm farmer farming farther fascinating fashion fast
fasten faster fat fate father fault favor favorite favors favour favourite fbi fear fears feast feather
february fed federal fee feed feeding feel feeling feelings feels feet fell fella fellas fellow felt female
fence fern festival fetch fever few fib fiddle field fields fife fifteen fifth fifty fig fight fighter
fighting fights figure figured figures file filed files fill filled filling film filming films filthy final
finally financial find finding finds fine finest finger fingerprints fingers finish finished finishing fire
firearm firecracker fired fireplace fires fireworks firing firm first fish fisherman fishing fist fit fits
five fix fixed fixing flag flake flame flames flap flash flashlight flat flavor flea fleet flesh flew flies
flight flip flo float floating flock flood floor flop florida flour flow flower flowers flowery flutter fly
flying foam focus focused fog foggy fold folk folks follow followed following fond font food fool fooled
foolish fools foot footage football footprint footsteps for forbidden force forced forces ford forehead
foreign forest forever forget forgetting forgive forgiveness forgot forgotten fork form formal former forms
fort forth fortune forty forward foster fought foul found foundation fountain four fourteen fourth fox frame
france frank frankly fraud freak freaking free freedom freeze freezing freight french fresh fret friday fridge
fried friend friendly friends friendship fries frighten frightened frog from front frost frown froze frozen
fruit fry fuck fucked fucker fuckin fucking fudge fuel full fully fun function fund funds funeral funny fur
furniture further fuss future fuzzy gain galaxy gallon gallop gamble gambling game games gang garage garbage
garden gas gasoline gasping gasps gate gates gather gathered gathering gave gay gear geese geez gene general
generation generations generous genius gentle gentleman gentlemen genuine geography georgia germans germany
get gets gettin getting ghost ghosts giant gift gifts gig giggles giggling gimme ginger gingerbread girl
girlfriend girls give given gives giving glad gladly glance glass glasses gleam glen glide global glory glove
gloves glow glue go goal goat gobble god goddamn godmother gods goes going gold golden goldfish golf gone
gonna good goodbye goodness goodnight goods goody goose gooseberry gorgeous gosh gossip got gotta gotten
govern government governor gown grab grabbed grace gracious grade graduate grain grand grandchild
grandchildren granddaughter grandfather grandma grandmother grandpa grandson grandstand granny grant granted
grape grapefruit grapes grass grasshopper grateful grave gravel graveyard gravity gravy gray graze grease
great greater greatest green greet greetings greg grew grey grief grind grip groan groaning groans grocery
groom gross ground grounds group groups grove grow growing growling growls grown grows grunting grunts gt gu
guarantee guard guardian guards guess guessing guest guests guide guilt guilty guitar gulf gum gun gunfire
gunpowder guns gunshot gunshots gut guts guy guys gym ha habit hack had hadn hail hair haircut hairpin half
halfway hall halloween hallway halt ham hammer hand handed handful handkerchief handle handled handling hands
handsome handwriting handy hang hanging happen happened happening happens happier happily happiness happy
harbor hard harder hardest hardly hardship hardware hare hark harm harness harp harsh hart harvest has hasn
haste hasten hasty hat hatch hatchet hate hated hates hatred haul have haven having hawaii hawk hay hayfield
haystack hazel he head headache headed heading headquarters heads heal healing health healthy heap hear heard
hearing heart hearts heat heater heather heaven heavens heavily heavy heck hee heel heels heh height heir held
helicopter hell hello helmet help helped helper helpful helping helpless helps hem hen henhouse her herd here
hero heroes heroin hers herself hey hi hickory hid hidden hide hiding high higher highest highly highness
highway hill hills hillside hilltop hilly him himself hind hint hip hire hired his hiss history hit hitch
hitler hits hitting hive hm hmm ho hobby hoe hog hold holder holding holds hole holes holiday holidays hollow
holly hollywood holy home homeless homely homes homesick homework homicide hon honest honestly honey honeybee
honeymoon honk honking honor honored honour hood hoof hook hooked hoop hop hope hoped hopeful hopefully
hopeless hopes hoping horn horrible horror horse horseback horses horseshoe hose hospital host hostage
hostages hot hotel hound hour hours house houses housetop housewife housework houston how however howl hug
huge huh hum humanity humans humble humming humor hump hundred hundreds hung hunger hungry hunk hunt hunter
hunting hurrah hurried hurry hurt hurting hurts husband hush hut hymn ian ice icy id idea ideal ideas
identified identify identity idiot idiots if ignore ii ill illegal illness image images imagination imagine
imagined immediate immediately impact imperial importance important importantly impossible impress impressed
impression impressive improve in inch inches incident include including income increase incredible incredibly
indeed independent india indian indiana indians indistinct indistinctly individual indoors industry infected
infection influence inform information informed inhales injured injuries injury ink inn inner innocent insane
insect inside insist insisted inspector inspiration inspired instance instant instead instructions
instrumental insult insurance intel intelligence intelligent intend intended intense intention intentions
interest interested interesting interests interfere internal international internet interrupt interview into
introduce introduced invented investigate investigating investigation investment invisible invitation invite
invited involved iris iron is island isn issue issues it italian italy item items its itself ivan ivory ivy ja
jack jacket jacks jade jae jail jake jam january japan japanese jar jaw jay jazz jealous jeans jeez jeff jelly
jellyfish jeong jeremy jerk jersey jet jew jewelry jewish jews ji jig jimmy job jobs jockey joel johnny join
joined joining joint joke jokes joking jolly jon jonathan jong joo joon josh journalist journey joy joyful
joyous judge judges judgment jug juice juicy july jump jumped jumping june jungle junior junk jury just
justice keen keep keeping keeps ken kept kettle kevin key keys kick kicked kicking kid kidding kidnapped
kidnapping kidney kids kill killed killer killers killing kills kind kinda kindly kindness kinds king kingdom
kiss kissed kissing kit kitchen kite kitten kitty knee kneel knees knew knife knight knit knives knob knock
knocked knocking knot know knowing knowledge known knows korea korean kyung lab labor lace lack lad ladder
ladies lads lady laid lake lamb lame lamp lance land landed landing lands lane language lantern lap laptop
lard large larger largest lash lass last late lately later latest latin laugh laughed laughing laughs laughter
launch laundry law lawn laws lawyer lawyers lay laying lazy lead leader leaders leading leads leaf league leak
lean leap learn learned learning least leather leave leaves leaving lecture led left leg legacy legal legend
legs lemon lemonade lend length less lesson lessons let lets letter letters letting lettuce level levels lf
liam liar liberty library lice license lick lid lie lied lies lieutenant life lifetime lift light lighter
lightness lightning lights like liked likely likes liking lily limb lime limit limited limits limp lincoln
line linen lines link lion lip lips liquid liquor list listen listened listening lit literally little live
lived lively liver lives living lizard ll ln load loaded loaf loan loaves lobby local locate located location
lock locked locker locomotive log london lone lonely lonesome long longer look looked lookin looking lookout
looks loop loose lord los lose loser loses losing loss lost lot lots loud louder loudly lousy love loved
lovely lover lovers loves loving low lower loyal loyalty ls lt luck lucky luggage lumber lump lunch lungs
lying ma mac machine machinery machines mad madam madame made madness magazine magic magical magnificent maid
mail mailbox mailman main maintain majesty major make makes makeup making male mall mama mamma man manage
managed management manager mane manger manhattan manner manners manny mansion many map maple marble march mare
marine mark marked market marks marriage married marry marrying marshal martial mask mason mass massage
massive mast master mat match matches mate material math matter matters mattress may maybe mayor maypole me
meadow meal meals mean meaning means meant meantime meanwhile measure meat media medical medication medicine
meet meeting meetings meets melt member members memories memory men mend mental mention mentioned menu meow
mercy mere merely merry mess message messages messed messenger messing met metal meters method mew mexican
mexico mi miami mice middle midnight might mighty mikey mile miler miles military milk milkman mill miller
million millions mind minds mine miner mines minister minor mint minute minutes miracle mirror mischief
miserable misery miss missed missing mission misspell mistake mistaken mistakes mister mistress misty
misunderstanding mitch mitt mitten mix mixed mm mmm moaning mob mobile model modern mole mom moment moments
mommy monday money monitor monk monkey monsieur monster monsters montana month months moo mood moon moonlight
moose mop moral more morning moron morrow moscow moss most mostly motel mother motherfucker mothers motion
motive motor motorcycle mount mountain mountains mouse mouth move moved movement moves movie movies moving mow
mr mrs much mud muddy muffled mug mule multiple multiply mum mummy murder murdered murderer murders muscle
muscles museum music musical must mustn my myself mysterious mystery nah nail nails naive naked name named
names nanny nap napkin narrator narrow nasty nat nate nation national native natural naturally nature naughty
navy near nearby nearly neat necessarily necessary neck necklace necktie need needed needle needs negative
negotiate negro neighbor neighborhood neighbors neither nephew nerve nerves nervous nest net network nevada
never nevermore new news newspaper newspapers next nibble nice nicely nickel niece nigga night nightgown
nightmare nights nine nineteen ninety no noble nobody nod noise noisy none nonsense noodles noon nope nor
normal normally north northern nose not note notes nothin nothing notice noticed novel november now nowhere
nuclear number numbers nurse nut nuts oak oar oath oatmeal oats obey object objection objects obsessed obvious
obviously occasion occurred ocean october odd odds of off offended offense offer offered offering office
officer officers official officially officials often oh ohh oi oil ok okay old older oldest olive ominous on
once one ones onion online only onto onward ooh oops open opened opening opens opera operate operating
operation operations opinion opponent opportunity opposite option options or orange orchard order ordered
orders ordinary ore organ organization organized original other others otherwise ouch ought our ours ourselves
out outdoors outfit outlaw outline outside outta outward oven over overalls overcoat overcome overeat overhead
overhear overnight overturn ow owe owing owl own owned owner owns ox oxygen pa pace pack package packed
packing pad page pages paid pail pain painful paint painted painter painting paintings pair pal palace pale
palm pan pancake pane panic pansy panting pants papa paper papers paperwork parade paradise paranoid pardon
parent parents paris park parked parking parole part particular particularly parties partly partner partners
parts party pass passed passenger passengers passes passing passion passport password past paste pasture pat
patch path pathetic patience patient patients patrol patter pattern pave pavement paw pay paying payment pays
pea peace peaceful peach peaches peak peanut pear pearl peas peck pee peek peel peep peg pen penalty pencil
penis penny people pepper peppermint per percent perfect perfectly perform performance perfume perhaps period
permanent permission permit person personal personality personally personnel persons perspective pet petty
phase phoenix phone phones photo photograph photographs photos physical physically piano pick picked picking
pickle picnic picture pictures pie piece pieces pierce pig pigeon piggy pigs pile pill pillow pills pilot pin
pine pineapple pink pint pipe piss pissed pistol pit pitch pitcher pity pizza place placed places plain plan
plane planes planet planned planning plans plant planted plants plastic plate plates platform platter play
played player players playground playhouse playing playmate plays plaything pleasant please pleased pleasure
plenty plot plow plug plum plus pocket pocketbook pockets poem poetry point pointed pointing points poison
poisoned poke poker pole police policeman policy polish polite political politics pond ponies pony pool poor
pop popcorn pope popped poppy popular population porch pork porn port pos position positions positive
possession possibility possible possibly post postage posted postman pot potato potatoes potential potter
pound pounds pour powder power powerful powers practical practically practice practicing praise pray prayer
prayers praying precious prefer pregnant prepare prepared preparing presence present presentation presents
president press pressure pretend pretending pretty prevent previous previously prey price prick pride primary
prime prince princess principal print prints prior priority prison prisoner prisoners privacy private
privilege prize pro probably problem problems procedure proceed process produce producer product production
products professional professor profile profit program progress project prom promise promised promises
promotion proof proper properly property proposal propose prosecution prosecutor protect protected protecting
protection protest protocol proud prove proved proven provide provided prune psychic psycho pub public puddle
puff pull pulled pulling pulse pump pumpkin punch punish punished punishment punk pup pupil puppy pure purple
purpose purse push pushed pushing puss pussy pussycat put puts putting puzzle quack quality quart quarter
quarters queen queer question questioning questions quick quickly quiet quietly quilt quit quite quote ra
rabbit race racing rack radar radiation radio radish rag rage raid rail railroad railway rain rainbow raining
rainy raise raised raisin raising rake ram ran ranch random randy rang range rank ransom rap raped rapidly
rare rash rat rate rather rats rattle raw ray reach reached reaching react reaction read reader reading ready
real realise reality realize realized really reap rear reason reasonable reasons rebuild recall receive
received receiving recent recently reception recess recipe reckon recognize recognized recommend record
recorded recording records recover recovered recovery red redbird redbreast reed refuse refused regarding
region register registered regret regular rehearsal reindeer rejected rejoice related relationship
relationships relative relatives relax release released relief relieved religion religious rely remain
remaining remains remarkable remember remembered remind reminded reminds remote remove removed rent repair
repay repeat replace replaced report reported reporter reporting reports represent reputation request
requested require required requires rescue research residence resist resistance resources respect respond
response responsibility responsible rest restaurant result results retire retired retirement retreat return
returned returning returns reveal revealed revenge reverend reverse review revolution reward rhythm ri rib
ribbon rice rich rid riddle ride rider ridiculous riding rifle right rights rim ring ringing rings rip ripe
ripped rise rising risks risky ritual river rivers road roads roadside roar roaring roast rob robbed robber
robbery robe robin robot rock rocket rocks rocky rode role roll rolled roller rolling romance romantic rome
ron roof room roommate rooms rooster root roots rope rose rosebud roses rot rotten rough round rounds route
routine row rowboat royal rub rubbed rubber rubbish ruby rude rug ruin ruined rule ruler rules rumble rumbling
rumor rumors run rung runner running runs rush rushing russia russian russians rust rusty rye sack sacred
sacrifice sad saddle sadness safe safely safer safety said sail sailboat sailor saint sake salad salary sale
sales salt same sample samples san sand sandwich sandy sang sank sap sarge sash sat satan satellite satin
satisfactory satisfied saturday sauce sausage savage save saved saving savings saw say saying says scab scale
scales scan scandal scar scare scared scarf scary scene scenes scent schedule scheduled school schoolboy
schoolhouse schoolmaster schoolroom schools science scientific scientist scientists scoffs scorch score
scotland scrap scrape scratch scream screaming screams screeching screen screw screwed script scrub se sea
seal sealed seam search searched searching season seat sec second seconds secret secretary secretly secrets
section secure security see seed seeing seek seem seemed seems seen sees seesaw select self selfish sell
selling sells senator send sending sends senior sense senses sensitive sent sentence seok seoul separate
separated september sequence sergeant serial series serious seriously servant servants serve served service
services serving session set sets setting settle settled settlement seven seventeen seventh seventy several
severe sew sex sexual sexy shade shadow shadows shady shake shaker shaking shall shame shape share shared
shares sharing shark sharp sharply shave she shear shears shed sheep sheet sheets shelf shell shelter shepherd
sheriff shh shield shift shin shine shining shiny ship ships shirt shit shitty shock shocked shoe shoemaker
shoes shone shook shoot shooter shooting shop shopping shore short shortly shot shots should shoulder
shoulders shouldn shout shouting shouts shovel show showed shower showing shown shows shut shy si sick
sickness sid side sides sidewalk sideways sigh sighing sighs sight sign signal signature signed significant
signing signs silence silent silk sill silly silver similar simple simply sin since sing singer singing single
sink sins sip sir siren sirens sis sissy sister sisters sit site sits sitting situation six sixteen sixth
sixty size skate skater ski skill skills skin skip skirt skull sky slam slap slate slave slaves sled sleep
sleeping sleepy sleeve sleigh slept slice slid slide slightly sling slip slipped slipper slippery slit slow
slowly slut sly smack small smaller smart smarter smash smell smells smile smiling smith smoke smoking smooth
snack snail snake snap snapping sneak sneeze sniffles snow snowball snowflake snowy snuff snug so soak soap
sob sobbing sober soccer social society socks sod soda sofa soft softly soil solar sold soldier soldiers sole
solid solo solution solve solved somber some somebody someday somehow someone someplace somethin something
sometime sometimes somewhere son song songs sons soon sooner sore sorrow sorry sort sorts soul souls sound
sounded sounds soup sour source south southern soviet space spade spain spanish spank spare sparrow speak
speaker speaking speaks spear special species specific specifically speech speed spell spelling spend spending
spent spider spike spill spin spinach spinning spirit spirits spiritual spit splash split spoil spoke spoken
spook spoon sport sports spot spots spotted spray spread spring springtime sprinkle spy squad square squash
squeak squeeze squirrel stab stabbed stable stack staff stage stair stairs stake stall stamp stan stand
standard standing stands star stare staring stark stars start started starting starts starve starving state
statement states station stations statue status stay stayed staying stays steady steak steal stealing steam
steamboat steamer steel steep steeple steer stem step stepped stepping steps sterling stick sticking sticks
sticky stiff still stillness sting stink stir stitch stock stocking stole stolen stomach stone stones stood
stool stoop stop stopped stopping stops storage store stores stories stork storm stormy story stove straight
strange stranger strangers strap strategy straw strawberry stream street streets strength stress stressed
stretch strict strike strikes string strings strip stripes stroke strong stronger struck structure struggle
struggling stubborn stuck student students studied studies studio study studying stuff stuffed stump stung
stupid style subject subtitles succeed success successful such suck sucked sucks sudden suddenly sue suffer
suffered suffering sugar suggest suggested suggesting suggestion suicide suit suitcase suite suits sum summer
sun sunday sunflower sung sunk sunlight sunny sunrise sunset sunshine super superior superman supper supplies
supply support suppose supposed sure surely surface surgeon surgery surprise surprised surprises surprising
surrender surrounded surveillance survival survive survived suspect suspected suspects suspended suspenseful
suspicious swallow swam swamp swan swat swear sweat sweater sweep sweet sweetheart sweetie sweetness swell
swept swift swim swimming swing switch switched sword swords swore symbol symptoms sync system systems table
tablecloth tables tablespoon tablet tack tad tae tag tail tailor take taken takes taking tale talent talented
talk talked talker talkin talking talks tall tame tan tank tanks tap tape tapes tar tardy target task taste
tastes tasty tattoo taught tax taxes taxi tea teach teacher teachers teaching team teams tear tears tease
teaspoon tech technically technique technology teeth telephone television tell telling tells temper
temperature temple temporary ten tend tender tennis tense tension tent term terms terrible terribly terrific
terrified terrifying territory terror terrorist terrorists test tested testify testimony testing tests texas
text than thank thankful thanks thanksgiving that the theater thee theft their them theme themselves then
theory therapist therapy there therefore these they thick thief thieves thimble thin thing things think
thinking thinks third thirsty thirteen thirty this thorn those thou though thought thoughts thousand thousands
thread threat threaten threatened threatening threats three threw thrilled throat throne through throughout
throw throwing thrown thumb thunder thursday thy tick ticket tickets ticking tickle tie tied ties tiger tight
till time times timing tin tinkle tiny tip tiptoe tire tired tires tissue title tits to toad toadstool toast
tobacco today toe toes together toilet tokyo told tomato tomorrow ton tone tongue tonight tons too took tool
tools toot tooth toothbrush toothpick top tore torn torture toss total totally touch touched touching tough
tour tow toward towards towel tower town toy toys trace track tracking tracks trade tradition traditional
traffic tragedy tragic trail trailer train trained training traitor tramp transfer transferred transport trap
trapped trash trauma travel traveling tray treasure treat treated treating treatment tree trees trevor trial
tribe trick tricks tricky tricycle tried tries trigger trim trip trolley troops trouble troubles truck trucks
true truly trump trunk trust trusted truth try tryin trying tub tube tuesday tug tulip tumble tune tunnel
turkey turn turned turner turning turns turtle tv twelve twenty twice twig twin twins twist twisted two type
types typical ugh ugly uh uhh ultimate um umbrella unable unbelievable uncle uncomfortable unconscious under
undercover underground underneath understand understanding understands understood underwear undress unexpected
unfair unfinished unfold unfortunate unfortunately unfriendly unhappy unhurt uniform union unique unit united
units universe university unkind unknown unless unlike unpleasant until unusual unwilling up upbeat update
upon upper upset upside upstairs uptown upward urgent us use used useful useless uses using usual usually
vacation valentine valley valuable value vampire van various vase vast vault ve vegas vegetable vegetables
vehicle velvet version versus very vessel vic vice victim victims victor victory video videos vietnam view
villa village vine violence violent violet virgin virginia virus vision visit visited visiting visitor
visitors visual vital voice voices volunteer vote voted votes vulnerable wade wag wagon wailing waist wait
waited waiting wake waken waking walk walked walker walking walks wall wallet walls walnut wanna want wanted
wanting wants war ward warehouse warm warn warned warning warrant warren warrior warriors was wash washed
washer washing washington washtub wasn waste wasted wasting watch watched watching watchman water watermelon
waterproof waters wave waves wax way ways wayside we weak weaken weakness wealth weapon weapons wear wearing
wears weary weather weave web website wedding wednesday wee weed week weekend weep weigh weight weird welcome
well wells went were weren west western wet wha whale what whatever wheat wheel wheels when whenever where
wherever whether which while whimpering whip whipped whirl whirring whiskey whisky whisper whispering whispers
whistle whistling white who whoa whoever whole whom whoo whore whose why wicked wide widow wife wiggle wild
wildcat will willing willow win wind windmill window windows windy wine wing wings wink winner winning wins
winter wipe wiped wire wisdom wise wish wished wishes wit witch with within without witness witnesses wives
woke wolf woman women won wonder wondered wonderful wondering wood wooden woodpecker woods woody wool woolen
word words wore work worked worker workers working workman works world worlds worm worn worried worries worry
worrying worse worst worth worthless worthy would wouldn wound wounded wounds wove wow wrap wrapped wreck wren
wring wrist write writer writing written wrong wrote wrung xiao ya yard yards yarn yay yeah year years yell
yelling yellow yells yeon yep yes yesterday yet yo yolk yonder york you young younger youngster your yours
yourself yourselves youth yup zero zone zoo`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));

/** True if the normalised single word `word` is an ordinary English word. */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word);
}
