package dev.policygate.facts;

/**
 * The ten areas a privacy-policy sentence can speak of, as the labelled yardstick (CAPP-130's data-practice
 * categories) names them: what extraction is measured against and what the sentence classifier predicts.
 * {@code label} is the category's name in the labelled data.
 */
public enum Area {
    COLLECTION("数据收集"),
    PERMISSIONS("权限获取"),
    SHARING("共享、委托、转让、公开（披露）"),
    STORAGE("存储方式"),
    SECURITY("安全措施"),
    SPECIAL_GROUPS("特殊人群"),
    RIGHTS("数据、权限管理"),
    CONTACT("联系方式"),
    POLICY_CHANGES("隐私政策的授权、修改与变更"),
    CESSATION("停止运营");

    private final String label;

    Area(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The area a labelled-data category names, or null for the categories that are no area (使用, 摘要 …). */
    public static Area ofLabel(String label) {
        for (Area a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        return null;
    }
}
