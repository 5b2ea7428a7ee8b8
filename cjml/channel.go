package cjml

import "sort"

// A Channel is a channelName as written. CJML has no closed list of
// channels: every producer writes its own spelling ("internetViaPC",
// "Internet Via Smartphone", "faceToFace", "Telephone"). [Channel.Info]
// normalizes the name into a canonical name and a family; the text as
// written is kept in the model.
type Channel string

// ChannelFamily groups channels that a diagram draws with one glyph and a
// comparison treats as the same medium.
type ChannelFamily string

// Channel families. FamilyUnknown is the family of a name cjml does not
// know; FamilyNone is the family of the empty channel.
const (
	FamilyNone        ChannelFamily = ""
	FamilyWeb         ChannelFamily = "web"
	FamilyApp         ChannelFamily = "app"
	FamilyEmail       ChannelFamily = "email"
	FamilySMS         ChannelFamily = "sms"
	FamilyMessage     ChannelFamily = "message"
	FamilyChat        ChannelFamily = "chat"
	FamilySocialMedia ChannelFamily = "socialMedia"
	FamilyPhone       ChannelFamily = "phone"
	FamilyLetter      ChannelFamily = "letter"
	FamilyInvoice     ChannelFamily = "invoice"
	FamilyParcel      ChannelFamily = "parcel"
	FamilyFax         ChannelFamily = "fax"
	FamilyFaceToFace  ChannelFamily = "faceToFace"
	FamilyServiceDesk ChannelFamily = "serviceDesk"
	FamilySelfService ChannelFamily = "selfService"
	FamilyPayment     ChannelFamily = "payment"
	FamilyShop        ChannelFamily = "shop"
	FamilyTechnician  ChannelFamily = "technician"
	FamilyUnknown     ChannelFamily = "unknown"
)

// A ChannelMedium is a coarser grouping of families: two channels of one
// medium are alike (web and app are both digital self-service).
type ChannelMedium string

// Channel media.
const (
	MediumNone     ChannelMedium = ""
	MediumDigital  ChannelMedium = "digital"  // web, app
	MediumWritten  ChannelMedium = "written"  // e-mail, SMS, messages, chat, social media
	MediumPaper    ChannelMedium = "paper"    // letter, invoice, fax, parcel
	MediumVoice    ChannelMedium = "voice"    // phone, call centre
	MediumInPerson ChannelMedium = "inPerson" // face to face, desks, machines, shops, technicians
	MediumUnknown  ChannelMedium = "unknown"
)

// Medium returns the medium of the family.
func (f ChannelFamily) Medium() ChannelMedium {
	switch f {
	case FamilyNone:
		return MediumNone
	case FamilyWeb, FamilyApp, FamilyPayment:
		return MediumDigital
	case FamilyEmail, FamilySMS, FamilyMessage, FamilyChat, FamilySocialMedia:
		return MediumWritten
	case FamilyLetter, FamilyInvoice, FamilyParcel, FamilyFax:
		return MediumPaper
	case FamilyPhone:
		return MediumVoice
	case FamilyFaceToFace, FamilyServiceDesk, FamilySelfService, FamilyShop, FamilyTechnician:
		return MediumInPerson
	}
	return MediumUnknown
}

// ChannelInfo is what cjml knows about a channel name.
type ChannelInfo struct {
	// Key is the normalization key: lower case without spaces, hyphens
	// and underscores ("internetviasmartphone").
	Key string
	// Name is the canonical spelling ("internetViaSmartphone"), or the
	// trimmed name as written when the channel is unknown.
	Name   string
	Family ChannelFamily
	// Known reports whether the name is one of the known channels.
	Known bool
}

type channelEntry struct {
	name   string
	family ChannelFamily
}

// knownChannels maps normalization keys to canonical names and families. It
// covers the CJML v1.1 icon set, the names the UIOMaster editor, CJMLExcel,
// the cjml-generator tools and the SJM event logs write (spec §2.7), and
// plain-English synonyms.
var knownChannels = map[string]channelEntry{
	// web
	"web":                   {"web", FamilyWeb},
	"website":               {"website", FamilyWeb},
	"webpage":               {"webpage", FamilyWeb},
	"internet":              {"internet", FamilyWeb},
	"internetglobe":         {"internetGlobe", FamilyWeb},
	"internetviapc":         {"internetViaPC", FamilyWeb},
	"internetviasmartphone": {"internetViaSmartphone", FamilyWeb},
	"internetviatablet":     {"internetViaTablet", FamilyWeb},
	"pc":                    {"pc", FamilyWeb},
	"laptop":                {"laptop", FamilyWeb},
	"onlineshopping":        {"onlineShopping", FamilyWeb},
	"online":                {"online", FamilyWeb},
	"webportal":             {"webPortal", FamilyWeb},
	"portal":                {"portal", FamilyWeb},
	// app
	"app":              {"app", FamilyApp},
	"mobileapp":        {"mobileApp", FamilyApp},
	"apponpc":          {"appOnPC", FamilyApp},
	"apponsmartphone":  {"appOnSmartphone", FamilyApp},
	"apponlaptop":      {"appOnLaptop", FamilyApp},
	"appontablet":      {"appOnTablet", FamilyApp},
	"smartphone":       {"smartphone", FamilyApp},
	"tablet":           {"tablet", FamilyApp},
	"appwebsite":       {"appWebsite", FamilyApp},
	"foodapp":          {"foodApp", FamilyApp},
	"pushnotification": {"pushNotification", FamilyApp},
	// e-mail
	"email":  {"email", FamilyEmail},
	"mail":   {"email", FamilyEmail},
	"emails": {"email", FamilyEmail},
	// sms
	"sms":         {"sms", FamilySMS},
	"textmessage": {"textMessage", FamilySMS},
	"text":        {"textMessage", FamilySMS},
	// messages
	"message":                {"message", FamilyMessage},
	"messageservice":         {"messageService", FamilyMessage},
	"digitalmailbox":         {"digitalMailbox", FamilyMessage},
	"securemessage":          {"secureMessage", FamilyMessage},
	"chat":                   {"chat", FamilyChat},
	"chatbot":                {"chatbot", FamilyChat},
	"livechat":               {"liveChat", FamilyChat},
	"socialmedia":            {"socialMedia", FamilySocialMedia},
	"socialmediamessage":     {"socialMediaMessage", FamilySocialMedia},
	"socialmediainteraction": {"socialMediaInteraction", FamilySocialMedia},
	// voice
	"phone":                 {"phone", FamilyPhone},
	"telephone":             {"telephone", FamilyPhone},
	"phonecall":             {"phoneCall", FamilyPhone},
	"telephoneconversation": {"telephoneConversation", FamilyPhone},
	"callcenter":            {"callCenter", FamilyPhone},
	"callcentre":            {"callCenter", FamilyPhone},
	"videocall":             {"videoCall", FamilyPhone},
	// paper
	"letter":          {"letter", FamilyLetter},
	"letterpaper":     {"letter", FamilyLetter},
	"post":            {"letter", FamilyLetter},
	"mailpost":        {"letter", FamilyLetter},
	"invoice":         {"invoice", FamilyInvoice},
	"bill":            {"invoice", FamilyInvoice},
	"parcel":          {"parcel", FamilyParcel},
	"package":         {"parcel", FamilyParcel},
	"packagedelivery": {"parcel", FamilyParcel},
	"delivery":        {"parcel", FamilyParcel},
	"fax":             {"fax", FamilyFax},
	// in person
	"facetoface":         {"faceToFace", FamilyFaceToFace},
	"face2face":          {"faceToFace", FamilyFaceToFace},
	"inperson":           {"faceToFace", FamilyFaceToFace},
	"meeting":            {"meeting", FamilyFaceToFace},
	"visit":              {"visit", FamilyFaceToFace},
	"servicedesk":        {"serviceDesk", FamilyServiceDesk},
	"shopcounter":        {"shopCounter", FamilyServiceDesk},
	"counter":            {"counter", FamilyServiceDesk},
	"reception":          {"reception", FamilyServiceDesk},
	"selfservicemachine": {"selfServiceMachine", FamilySelfService},
	"selfservice":        {"selfServiceMachine", FamilySelfService},
	"kiosk":              {"kiosk", FamilySelfService},
	"atm":                {"atm", FamilySelfService},
	"paymentchannel":     {"paymentChannel", FamilyPayment},
	"payment":            {"payment", FamilyPayment},
	"card":               {"card", FamilyPayment},
	"shopping":           {"shopping", FamilyShop},
	"shop":               {"shop", FamilyShop},
	"store":              {"store", FamilyShop},
	"technician":         {"technician", FamilyTechnician},
	"homevisit":          {"homeVisit", FamilyTechnician},
	// unknown
	"unknown":        {"unknownChannel", FamilyUnknown},
	"unknownchannel": {"unknownChannel", FamilyUnknown},
}

// canonicalChannels maps the canonical names ("internetViaPC") to their
// keys, so that the common case needs no normalization.
var canonicalChannels = func() map[string]string {
	m := make(map[string]string, len(knownChannels))
	for _, e := range knownChannels {
		m[e.name] = normKey(e.name)
	}
	return m
}()

// Info normalizes the channel name.
func (c Channel) Info() ChannelInfo {
	k, ok := canonicalChannels[string(c)]
	if !ok {
		k = normKey(string(c))
	}
	if k == "" {
		return ChannelInfo{}
	}
	if e, ok := knownChannels[k]; ok {
		return ChannelInfo{Key: k, Name: e.name, Family: e.family, Known: e.family != FamilyUnknown}
	}
	return ChannelInfo{Key: k, Name: trim(string(c)), Family: FamilyUnknown}
}

// Key returns the normalization key of the channel name.
func (c Channel) Key() string { return normKey(string(c)) }

// Family returns the channel's family; FamilyUnknown for names cjml does
// not know and FamilyNone for the empty channel.
func (c Channel) Family() ChannelFamily { return c.Info().Family }

// Known reports whether cjml knows the channel name.
func (c Channel) Known() bool { return c.Info().Known }

// KnownChannelNames returns the canonical names of the known channels,
// sorted.
func KnownChannelNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range knownChannels {
		if !seen[e.name] && e.family != FamilyUnknown {
			seen[e.name] = true
			out = append(out, e.name)
		}
	}
	sort.Strings(out)
	return out
}
